<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Evaluation</name>
    <message>
        <source>Being prepared</source>
        <extracomment>The centre&apos;s name on paper when the directory has no centre entry. Highest top of a points scale and most levels a round may have (a sheet must fit a page).</extracomment>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Open for scoring</source>
        <translation>开放测评</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>纸质测评表</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面填写</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>A round needs at least one dimension to score.</source>
        <translation>测评轮次至少需要一个测评项目。</translation>
    </message>
    <message>
        <source>A sheet holds at most {n} dimensions.</source>
        <translation>一张测评表最多 {n} 个测评项目。</translation>
    </message>
    <message>
        <source>Every dimension needs a name.</source>
        <translation>每个测评项目都要有名称。</translation>
    </message>
    <message>
        <source>The dimension “{label}” is listed twice.</source>
        <translation>测评项目“{label}”重复了。</translation>
    </message>
    <message>
        <source>The dimension name “{label}” is longer than 40 characters.</source>
        <translation>测评项目名称“{label}”超过 40 个字。</translation>
    </message>
    <message>
        <source>Dimension keys must be unique.</source>
        <translation>测评项目编号不能重复。</translation>
    </message>
    <message>
        <source>The weight of “{label}” must be a number above 0 and up to 100.</source>
        <translation>“{label}”的权重须大于 0 且不超过 100。</translation>
    </message>
    <message>
        <source>The top score must be a number above 0 and up to {max}.</source>
        <translation>满分须大于 0 且不超过 {max}。</translation>
    </message>
    <message>
        <source>A scale of levels has from 2 to {n} levels.</source>
        <translation>等级评分需设 2 到 {n} 个等级。</translation>
    </message>
    <message>
        <source>Every level needs its own name.</source>
        <translation>每个等级都要有不同的名称。</translation>
    </message>
    <message>
        <source>Every level needs its own points, from 0 to {max}.</source>
        <translation>每个等级都要有不同的分值，范围 0 到 {max}。</translation>
    </message>
    <message>
        <source>Choose the scale: points or levels.</source>
        <translation>请选择评分方式：分数或等级。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The name is longer than 120 characters.</source>
        <translation>名称超过 120 个字。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choose what is evaluated: the centre and/or departments.</source>
        <translation>请选择被测评单位：服务中心和/或部门。</translation>
    </message>
    <message>
        <source>A chosen department is no longer in the directory.</source>
        <translation>所选部门已不在部门目录中。</translation>
    </message>
    <message>
        <source>Only the service centre sets up and opens evaluation rounds.</source>
        <translation>只有服务中心可以设置和开放测评轮次。</translation>
    </message>
    <message>
        <source>A unit whose sheets are already entered cannot be taken out.</source>
        <translation>已录入测评表的被测评单位不能移除。</translation>
    </message>
    <message>
        <source>An enterprise whose sheets are already entered cannot be taken off the invitation.</source>
        <translation>已录入测评表的企业不能从邀请名单中移除。</translation>
    </message>
    <message>
        <source>{n} sheets already entered have scores that the changed dimensions or scale would not allow.</source>
        <translation>已录入的 {n} 份测评表中有分数不符合修改后的测评项目或评分方式。</translation>
    </message>
    <message>
        <source>The evaluation round no longer exists.</source>
        <translation>该测评轮次已不存在。</translation>
    </message>
    <message>
        <source>Two rounds are called “{name}”; give the round&apos;s id.</source>
        <translation>有两个测评轮次都叫“{name}”，请给出轮次编号。</translation>
    </message>
    <message>
        <source>There is no evaluation round “{name}”.</source>
        <translation>没有名为“{name}”的测评轮次。</translation>
    </message>
    <message>
        <source>Invite at least one enterprise before opening the round.</source>
        <translation>请至少邀请一家企业后再开放测评。</translation>
    </message>
    <message>
        <source>Only an open round can be closed.</source>
        <translation>只有正在进行的测评可以结束。</translation>
    </message>
    <message>
        <source>A round with entered sheets cannot be deleted; close it instead.</source>
        <translation>已录入测评表的轮次不能删除，请改为结束测评。</translation>
    </message>
    <message>
        <source>The round is closed; no more sheets can be entered.</source>
        <translation>本轮测评已结束，不能再录入测评表。</translation>
    </message>
    <message>
        <source>Your account can read results but not enter sheets.</source>
        <extracomment>Dimension key -&gt; number, or None for 不了解/不适用; dimensions left out are unanswered. Who collected it; the signed-in officer when left empty (&quot;&quot; for a phone submission). Scores and totals are written the same everywhere (18, 17.5, 87.3).</extracomment>
        <translation>您的账号可以查看测评结果，但不能录入测评表。</translation>
    </message>
    <message>
        <source>This enterprise is not assigned to you; its sheet is entered by its liaison officer or the centre.</source>
        <translation>该企业不由您负责，其测评表由其联络员或服务中心录入。</translation>
    </message>
    <message>
        <source>The sheet of {enterprise} for {unit} is already entered ({when}). Open it to change it instead of entering a second one.</source>
        <translation>{enterprise}对{unit}的测评表已录入（{when}）。如需修改，请打开已录入的测评表，不要重复录入。</translation>
    </message>
    <message>
        <source>The sheet no longer exists.</source>
        <translation>该测评表已不存在。</translation>
    </message>
    <message>
        <source>This code is not from a satisfaction sheet.</source>
        <translation>这不是满意度测评表的二维码。</translation>
    </message>
    <message>
        <source>The sheet belongs to a round this computer does not hold.</source>
        <translation>该测评表所属轮次不在本机上。</translation>
    </message>
    <message>
        <source>The sheet&apos;s enterprise is no longer invited to the round.</source>
        <translation>该测评表所属企业已不在本轮邀请名单中。</translation>
    </message>
    <message>
        <source>The picture could not be read: {reason}</source>
        <translation>无法读取图片：{reason}</translation>
    </message>
    <message>
        <source>No satisfaction sheet code was found in the picture. Photograph the sheet&apos;s top right corner in good light, or type the scores.</source>
        <translation>图片中没有找到测评表二维码。请在光线充足处拍摄测评表右上角，或直接录入分数。</translation>
    </message>
</context>
</TS>
