<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Request</name>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>At the centre</source>
        <translation>来中心</translation>
    </message>
    <message>
        <source>Direct-channel letter</source>
        <translation>直通车来信</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>用水</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>用电</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>供热</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批手续</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>土地</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>用工</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环保</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Very urgent</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已交办</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>交办</translation>
    </message>
    <message>
        <source>First reply received</source>
        <translation>首次答复</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Record call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Escalate to direct channel</source>
        <translation>升级直通车</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Final number</source>
        <translation>正式登记号</translation>
    </message>
    <message>
        <source>Only an accepted, returned or escalated request can be dispatched.</source>
        <extracomment>The status reached; None keeps the status (extension, note). Why the action is impossible in another status: said to the person who tried.</extracomment>
        <translation>只有已受理、已退回或已升级的诉求才能交办。</translation>
    </message>
    <message>
        <source>The first reply is recorded once, after the request was dispatched.</source>
        <translation>首次答复在交办之后登记，且只登记一次。</translation>
    </message>
    <message>
        <source>Only a dispatched request in the departments&apos; hands can be resolved.</source>
        <translation>只有已交办、正在部门办理的诉求才能办结。</translation>
    </message>
    <message>
        <source>The enterprise is called back after the request was resolved.</source>
        <translation>诉求办结后才能回访企业。</translation>
    </message>
    <message>
        <source>A request is closed after the enterprise was called back.</source>
        <translation>回访企业之后才能归档。</translation>
    </message>
    <message>
        <source>Only a dispatched request can be returned by its department.</source>
        <translation>只有已交办的诉求才能由部门退回。</translation>
    </message>
    <message>
        <source>Only a request being handled by departments can get a later deadline.</source>
        <translation>只有正在部门办理的诉求才能延期。</translation>
    </message>
    <message>
        <source>Only an open request that has not yet been escalated can go to the direct channel.</source>
        <translation>只有尚未办结、也未升级的诉求才能升级到直通车。</translation>
    </message>
    <message>
        <source>Notes can be added in any status.</source>
        <translation>任何状态都可以添加备注。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <extracomment>The centre setting holding ``RequestConfig``; releases before it kept the same dictionary (with the holiday calendar inside) in each device&apos;s ``LocalState`` under this key. Working days ahead in which a deadline counts as &quot;due soon&quot;. The county&apos;s identity on printed forms (``county_identity``): the county&apos;s name, the name on the centre&apos;s seal and the issuing code before a document number (机关代字). 监督电话 printed on public lists.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>The chosen enterprise no longer exists.</source>
        <translation>所选企业已不存在。</translation>
    </message>
    <message>
        <source>What the enterprise asks for</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Choose how the request came in.</source>
        <translation>请选择诉求来源。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择诉求类别。</translation>
    </message>
    <message>
        <source>Choose the urgency.</source>
        <translation>请选择紧急程度。</translation>
    </message>
    <message>
        <source>A direct-channel letter is addressed to a leader: choose whom.</source>
        <translation>直通车来信要写明收信领导，请选择。</translation>
    </message>
    <message>
        <source>The visit this request comes from no longer exists.</source>
        <translation>这条诉求来源的走访记录已不存在。</translation>
    </message>
    <message>
        <source>The visit has no problem number {n}.</source>
        <translation>这次走访没有第 {n} 个问题。</translation>
    </message>
    <message>
        <source>A closed request can no longer be edited.</source>
        <translation>已归档的诉求不能再修改。</translation>
    </message>
    <message>
        <source>The enterprise of a dispatched request cannot be changed.</source>
        <translation>已交办的诉求不能更换企业。</translation>
    </message>
    <message>
        <source>This request no longer exists.</source>
        <translation>这条诉求已不存在。</translation>
    </message>
    <message>
        <source>Only a request not yet dispatched can be deleted; a dispatched one is returned or closed instead.</source>
        <translation>只有尚未交办的诉求可以删除；已交办的请退回或归档。</translation>
    </message>
    <message>
        <source>Your account can read requests but not change them.</source>
        <translation>您的账号只能查看诉求，不能修改。</translation>
    </message>
    <message>
        <source>This is the service centre&apos;s step. A liaison officer records requests, adds notes, records the call-back and can escalate.</source>
        <translation>这一步由企业服务中心办理。联络员可以登记诉求、添加备注、登记回访和升级直通车。</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>未知操作。</translation>
    </message>
    <message>
        <source>This request was deleted.</source>
        <translation>这条诉求已删除。</translation>
    </message>
    <message>
        <source>The request is {status}. {needs}</source>
        <translation>这条诉求当前为“{status}”。{needs}</translation>
    </message>
    <message>
        <source>An extension must be asked for before the deadline ({deadline}); it has passed.</source>
        <translation>延期须在办结时限（{deadline}）之前申请，现已超过时限。</translation>
    </message>
    <message>
        <source>This request is already registered as a direct-channel letter.</source>
        <translation>这条诉求已登记为直通车来信。</translation>
    </message>
    <message>
        <source>Choose the lead department.</source>
        <translation>请选择主办单位。</translation>
    </message>
    <message>
        <source>The chosen lead department is not in the directory.</source>
        <translation>所选主办单位不在单位名录中。</translation>
    </message>
    <message>
        <source>The lead department cannot also be a co-department.</source>
        <translation>主办单位不能同时作为协办单位。</translation>
    </message>
    <message>
        <source>Write down how the request was resolved.</source>
        <translation>请填写办理结果。</translation>
    </message>
    <message>
        <source>Record whether the enterprise says the problem is solved.</source>
        <translation>请登记企业是否认为问题已解决。</translation>
    </message>
    <message>
        <source>Record how satisfied the enterprise is.</source>
        <translation>请登记企业的满意程度。</translation>
    </message>
    <message>
        <source>Say why the department returned the request.</source>
        <translation>请写明部门退回的理由。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>Say why more time is needed.</source>
        <translation>请写明需要延期的理由。</translation>
    </message>
    <message>
        <source>The new deadline must be later than the current one ({current}).</source>
        <translation>新的时限必须晚于当前时限（{current}）。</translation>
    </message>
    <message>
        <source>The new deadline falls on a day off; choose a working day.</source>
        <translation>新的时限是休息日，请选择工作日。</translation>
    </message>
    <message>
        <source>Choose the leader the letter is addressed to.</source>
        <translation>请选择收信领导。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>lead: {lead}</source>
        <translation>主办：{lead}</translation>
    </message>
    <message>
        <source>co-departments: {co}</source>
        <translation>协办：{co}</translation>
    </message>
    <message>
        <source>resolve by {date}</source>
        <translation>{date} 前办结</translation>
    </message>
    <message>
        <source>deadline {old} → {new}</source>
        <translation>时限 {old} → {new}</translation>
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
        <source>to {addressee}, provisional no. {no}</source>
        <translation>致{addressee}，临时编号 {no}</translation>
    </message>
    <message>
        <source>Only a direct-channel letter has a reply to record.</source>
        <extracomment>&quot;&quot; | &quot;overdue&quot; | &quot;due_soon&quot; | &quot;attention&quot; (both) | &quot;open&quot; Limit to what this liaison officer sees (their requests and their enterprises). &quot;overdue&quot; | &quot;due_soon&quot; | &quot;&quot;</extracomment>
        <translation>只有直通车来信才需要登记答复。</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>答复内容是空的。</translation>
    </message>
    <message>
        <source>The dispatch sheet is printed once the request has been dispatched to a lead department.</source>
        <extracomment>Printed sheets are official Chinese documents whatever the screen&apos;s language.</extracomment>
        <translation>诉求交办给主办单位之后才能打印交办单。</translation>
    </message>
</context>
</TS>
