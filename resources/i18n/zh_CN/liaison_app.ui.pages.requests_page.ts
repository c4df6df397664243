<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Letter register…</source>
        <translation>直通车登记簿…</translation>
    </message>
    <message>
        <source>Save the register of direct-channel letters of a year as PDF</source>
        <translation>将某一年的直通车来信登记簿保存为 PDF</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Department directory, proxy item catalogue, deadlines and holidays</source>
        <translation>部门目录、代办事项目录、办理时限与节假日</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新建诉求</translation>
    </message>
    <message>
        <source>Record a new request (Ctrl+N)</source>
        <translation>登记一条新诉求（Ctrl+N）</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>全部诉求</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Overdue or due soon</source>
        <translation>逾期或即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All enterprises</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Choose a request in the list, or click “New request”.</source>
        <translation>在列表中选择一条诉求，或点击“新建诉求”。</translation>
    </message>
    <message>
        <source>Complex (longer resolution deadline)</source>
        <translation>复杂事项（办结时限更长）</translation>
    </message>
    <message>
        <source>What the enterprise asks for, in its words</source>
        <translation>企业反映的问题和诉求，尽量用企业原话</translation>
    </message>
    <message>
        <source>Enterprise *</source>
        <translation>企业 *</translation>
    </message>
    <message>
        <source>Came in by</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Letter to</source>
        <translation>收信领导</translation>
    </message>
    <message>
        <source>request</source>
        <extracomment>Buttons in the order of the workflow. The record&apos;s link to a visit, which the fields do not show.</extracomment>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Request *</source>
        <translation>诉求内容 *</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the request (Ctrl+S)</source>
        <translation>保存诉求（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the request (Esc)</source>
        <translation>关闭诉求（Esc）</translation>
    </message>
    <message>
        <source>Dispatch sheet…</source>
        <translation>问题交办单…</translation>
    </message>
    <message>
        <source>Save the 问题交办单 of this request as PDF</source>
        <translation>将这条诉求的问题交办单保存为 PDF</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Acting as the service centre</source>
        <translation>当前身份：企业服务中心</translation>
    </message>
    <message>
        <source>Acting as a liaison officer</source>
        <translation>当前身份：驻企联络员</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>{n} requests</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source> overdue</source>
        <translation> 逾期</translation>
    </message>
    <message>
        <source> soon</source>
        <translation> 将到期</translation>
    </message>
    <message>
        <source>No requests match these filters.</source>
        <translation>没有符合筛选条件的诉求。</translation>
    </message>
    <message>
        <source>No requests yet. Record one with “New request”, or from a visit&apos;s problems found.</source>
        <translation>还没有诉求。点击“新建诉求”登记，或从走访发现的问题中登记。</translation>
    </message>
    <message>
        <source>&lt;b&gt;New request&lt;/b&gt; — accepted when you save it.</source>
        <translation>&lt;b&gt;新诉求&lt;/b&gt;——保存即受理。</translation>
    </message>
    <message>
        <source>accepted {at}</source>
        <translation>受理于 {at}</translation>
    </message>
    <message>
        <source>Lead: {lead}</source>
        <translation>主办：{lead}</translation>
    </message>
    <message>
        <source>; co-departments: {co}</source>
        <translation>；协办：{co}</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系企业</translation>
    </message>
    <message>
        <source>first reply</source>
        <translation>首次答复</translation>
    </message>
    <message>
        <source>co-departments</source>
        <translation>协办反馈</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Deadlines: </source>
        <translation>时限：</translation>
    </message>
    <message>
        <source>Next deadline: {date}</source>
        <translation>下一个时限：{date}</translation>
    </message>
    <message>
        <source>{no} (provisional; the centre assigns the final number)</source>
        <translation>{no}（临时编号，正式登记号由中心统一编排）</translation>
    </message>
    <message>
        <source>Letter to {who}: {number}</source>
        <translation>致{who}的直通车来信：{number}</translation>
    </message>
    <message>
        <source>Resolution: {text}</source>
        <translation>办理结果：{text}</translation>
    </message>
    <message>
        <source>Call-back: {solved}, {satisfaction}</source>
        <translation>回访：{solved}，{satisfaction}</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>No step is possible for you now.</source>
        <translation>您当前没有可办理的步骤。</translation>
    </message>
    <message>
        <source>(no enterprise chosen)</source>
        <translation>（未选企业）</translation>
    </message>
    <message>
        <source>Save dispatch sheet</source>
        <translation>保存问题交办单</translation>
    </message>
    <message>
        <source>Letter register</source>
        <translation>直通车登记簿</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Save letter register</source>
        <translation>保存直通车登记簿</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
</TS>
