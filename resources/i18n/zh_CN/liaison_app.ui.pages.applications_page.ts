<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>Applications &amp; printing</source>
        <translation>申请与打印</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Type or choose an enterprise</source>
        <translation>输入或选择企业</translation>
    </message>
    <message>
        <source>Choose an enterprise above to see its worker roster, prepare its applications and print its forms.</source>
        <translation>请在上方选择企业，查看员工花名册、准备申请并打印表单。</translation>
    </message>
    <message>
        <source>Worker roster</source>
        <translation>员工花名册</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Visit record sheets</source>
        <translation>走访记录单</translation>
    </message>
    <message>
        <source>Name or last digits of the ID number</source>
        <translation>姓名或身份证号末几位</translation>
    </message>
    <message>
        <source>Add worker…</source>
        <translation>添加员工…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Print roster…</source>
        <translation>打印花名册…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Town of residence</source>
        <translation>居住镇街</translation>
    </message>
    <message>
        <source>No workers on this enterprise&apos;s roster yet. Import the roster file the enterprise keeps (Excel or CSV), or add workers one by one.</source>
        <translation>该企业的花名册还没有员工。可导入企业的花名册文件（Excel 或 CSV），也可逐个添加员工。</translation>
    </message>
    <message>
        <source>New pass application…</source>
        <translation>新建通行证申请…</translation>
    </message>
    <message>
        <source>New reopening application…</source>
        <translation>新建复工复产申请…</translation>
    </message>
    <message>
        <source>New procedure application…</source>
        <translation>新建代办申请…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>通行证</translation>
    </message>
    <message>
        <source>Passes issued</source>
        <translation>已发放的通行证</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>补发…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Pass number</source>
        <translation>通行证编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>No applications for this enterprise yet. Start a pass, reopening or procedure application with the buttons above.</source>
        <translation>该企业还没有申请。可用上方按钮新建通行证、复工复产或代办申请。</translation>
    </message>
    <message>
        <source>Choose a visit and print its record sheet for the enterprise contact to sign.</source>
        <translation>选择一次走访，打印走访记录单供企业联系人签字。</translation>
    </message>
    <message>
        <source>Print visit record sheet…</source>
        <translation>打印走访记录单…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Forms print in: {font}{embedded}</source>
        <translation>表单打印字体：{font}{embedded}</translation>
    </message>
    <message>
        <source> (not embedded: the printer substitutes its own font)</source>
        <translation>（未嵌入：由打印机替换字体）</translation>
    </message>
    <message>
        <source>There are no enterprises yet. Add the enterprises you look after on the Enterprises page; their rosters, applications and forms are prepared here.</source>
        <translation>还没有企业。请先在“企业”页添加您联系的企业，再在这里准备花名册、申请和表单。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source> … and {n} more</source>
        <translation> …… 另有 {n} 项</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n}&lt;/b&gt; workers on the roster</source>
        <translation>花名册共 &lt;b&gt;{n}&lt;/b&gt; 人</translation>
    </message>
    <message>
        <source>By workshop</source>
        <translation>按车间</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>按岗位</translation>
    </message>
    <message>
        <source>By shift</source>
        <translation>按班次</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>全部车间</translation>
    </message>
    <message>
        <source>{shown} of {total} workers shown. ID and phone numbers are masked.</source>
        <translation>显示 {shown} 人，共 {total} 人。身份证号和手机号已脱敏。</translation>
    </message>
    <message>
        <source>Remove worker</source>
        <translation>移除员工</translation>
    </message>
    <message>
        <source>Remove this worker from the roster? Passes already issued stay valid until revoked.</source>
        <translation>从花名册移除该员工？已发放的通行证在注销前仍然有效。</translation>
    </message>
    <message>
        <source>{at} printed {form}{full}</source>
        <translation>{at} 打印了{form}{full}</translation>
    </message>
    <message>
        <source> (full ID numbers)</source>
        <translation>（含完整身份证号）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation>等{n}人</translation>
    </message>
    <message>
        <source>{n} passes printed on provisional cards have since been signed by the centre: {names}. Print their cards again and take back the provisional ones: a gate does not accept a provisional card.</source>
        <translation>已打印临时卡的 {n} 张通行证现已由中心签发：{names}。请重新打印这些通行证并收回临时卡：卡口不认可临时通行证。</translation>
    </message>
    <message>
        <source>{n} printed cards are provisional (marked 临时·待中心签发): the centre has not signed these passes yet: {names}. Sync with the server; once they are signed this page offers to print them again.</source>
        <translation>已打印的 {n} 张通行证是临时卡（印有“临时·待中心签发”）：中心尚未签发：{names}。请与服务器同步；签发后本页会提示重新打印。</translation>
    </message>
    <message>
        <source>Print the cards again ({n} now signed)…</source>
        <translation>重新打印通行证（{n} 张已签发）…</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Why was it rejected?</source>
        <translation>驳回原因？</translation>
    </message>
    <message>
        <source>Reissue pass</source>
        <translation>补发通行证</translation>
    </message>
    <message>
        <source>Revoke pass</source>
        <translation>注销通行证</translation>
    </message>
    <message>
        <source>Reason (e.g. lost, left the company):</source>
        <translation>原因（例如遗失、离职）：</translation>
    </message>
</context>
</TS>
