<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Records</name>
    <message>
        <source>Enterprise</source>
        <extracomment>Columns every synced record has, kept by the app itself; nobody types them.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Follow-up action</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Step of a request or case</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Proxy case</source>
        <translation>代办项目</translation>
    </message>
    <message>
        <source>Proxy item</source>
        <translation>代办事项</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通行证</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Setting of the service centre</source>
        <translation>服务中心设置</translation>
    </message>
    <message>
        <source>County pass key</source>
        <translation>县级通行证密钥</translation>
    </message>
    <message>
        <source>Pass revocation</source>
        <translation>通行证注销</translation>
    </message>
    <message>
        <source>Satisfaction evaluation round</source>
        <translation>满意度测评轮次</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>测评表</translation>
    </message>
    <message>
        <source>Daily report template</source>
        <translation>日报模板</translation>
    </message>
    <message>
        <source>Version of a daily report template</source>
        <translation>日报模板版本</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Document number of a printed form</source>
        <translation>表单文号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Liaison officers</source>
        <translation>驻企联络员</translation>
    </message>
    <message>
        <source>Belongs to (kind)</source>
        <translation>所属记录类型</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Visit time</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Visit summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>File content</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>From the visit</source>
        <translation>来自走访</translation>
    </message>
    <message>
        <source>Problem of the visit</source>
        <translation>走访问题序号</translation>
    </message>
    <message>
        <source>Came in by</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>复杂事项</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>主办部门</translation>
    </message>
    <message>
        <source>Co-departments</source>
        <translation>协办部门</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>交办时间</translation>
    </message>
    <message>
        <source>Contact deadline</source>
        <translation>联系企业时限</translation>
    </message>
    <message>
        <source>First reply deadline</source>
        <translation>首次答复时限</translation>
    </message>
    <message>
        <source>Resolution deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Co-department deadline</source>
        <translation>协办答复时限</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一个时限</translation>
    </message>
    <message>
        <source>First reply at</source>
        <translation>首次答复时间</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Called back at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Solved, says the enterprise</source>
        <translation>企业确认解决</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Call-back comment</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <source>Letter to</source>
        <translation>收信领导</translation>
    </message>
    <message>
        <source>Registration year</source>
        <translation>登记年度</translation>
    </message>
    <message>
        <source>Provisional number</source>
        <translation>临时编号</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Status before</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Project location</source>
        <translation>项目地点</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Documents handed over</source>
        <translation>移交材料</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报件</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批复</translation>
    </message>
    <message>
        <source>Usual days</source>
        <translation>常规天数</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>通行区域</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pass number</source>
        <translation>通行证号</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>校验码</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revoked at</source>
        <translation>吊销时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>County&apos;s signature</source>
        <translation>县级签名</translation>
    </message>
    <message>
        <source>County key</source>
        <translation>县级密钥</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>停用日期</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Time on this computer</source>
        <translation>本机时间</translation>
    </message>
    <message>
        <source>Time on the server</source>
        <translation>服务器时间</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>测评日期</translation>
    </message>
    <message>
        <source>Units evaluated</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Invited enterprises</source>
        <translation>受邀企业</translation>
    </message>
    <message>
        <source>Who is invited</source>
        <translation>邀请范围</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>测评维度</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>By phone too</source>
        <translation>允许电话测评</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Evaluation round</source>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>Unit evaluated</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Collected by (way)</source>
        <translation>收集方式</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>收集人</translation>
    </message>
    <message>
        <source>Collected at</source>
        <translation>收集时间</translation>
    </message>
    <message>
        <source>Request raised</source>
        <translation>转为诉求</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reporting from</source>
        <translation>填报起始日</translation>
    </message>
    <message>
        <source>Reporting until</source>
        <translation>填报截止日</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>自何日起生效</translation>
    </message>
    <message>
        <source>Who reports</source>
        <translation>填报企业</translation>
    </message>
    <message>
        <source>Towns reporting</source>
        <translation>填报镇街</translation>
    </message>
    <message>
        <source>Enterprises reporting</source>
        <translation>指定填报企业</translation>
    </message>
    <message>
        <source>What is reported</source>
        <translation>填报项</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>模板版本</translation>
    </message>
    <message>
        <source>Day reported</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>Figures and checks reported</source>
        <translation>填报数据</translation>
    </message>
    <message>
        <source>People on site</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Capacity (%)</source>
        <translation>产能恢复率（%）</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常数</translation>
    </message>
    <message>
        <source>Reported late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>More people than employees, confirmed</source>
        <translation>已确认在岗人数超过职工人数</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>填报时间</translation>
    </message>
    <message>
        <source>Entered from</source>
        <translation>填报方式</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>{kind} (no longer on this computer)</source>
        <extracomment>Records with no name of their own, titled from what identifies them (the record here or, one the sync set aside, as the server sent it); None when it is neither.</extracomment>
        <translation>{kind}（本机已无此记录）</translation>
    </message>
</context>
</TS>
