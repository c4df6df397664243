<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>更改的字段</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>更改时间</translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Kept now</source>
        <translation>当前采用</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Why this computer could not take it</source>
        <translation>本机无法接收的原因</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>These records came from the server but hold values this version of the app cannot use. They are kept aside, nothing else is held up; tell the service centre, which can correct them.</source>
        <translation>以下记录来自服务器，但含有本版本无法使用的数据。它们已被搁置，不影响其他记录同步；请告知服务中心更正。</translation>
    </message>
    <message>
        <source>Send refused changes again</source>
        <translation>重新发送被拒收的更改</translation>
    </message>
    <message>
        <source>The same field was changed on this computer and at the service centre. Both values are kept here until you choose.</source>
        <translation>同一字段在本机和服务中心都被修改过。两个值都会保留，直到您做出选择。</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s value</source>
        <translation>保留本机的值</translation>
    </message>
    <message>
        <source>Take the service centre&apos;s value</source>
        <translation>采用服务中心的值</translation>
    </message>
    <message>
        <source>History</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation>需要升级</translation>
    </message>
    <message>
        <source>Server problem</source>
        <translation>服务器出错</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Already syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>Signed in to {server} as {user}.</source>
        <translation>已以 {user} 身份登录 {server}。</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Not signed in. Records are kept on this computer and will be sent after you sign in to the service centre&apos;s server.</source>
        <translation>未登录。记录保存在本机，登录服务中心服务器后会自动发送。</translation>
    </message>
    <message>
        <source>sent {pushed}, received {pulled}, conflicts {conflicts}, refused {rejected}</source>
        <translation>发送 {pushed}，接收 {pulled}，冲突 {conflicts}，被拒收 {rejected}</translation>
    </message>
    <message>
        <source>Waiting ({n})</source>
        <translation>待发送（{n}）</translation>
    </message>
    <message>
        <source>Refused ({n})</source>
        <translation>被拒收（{n}）</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source>Set aside ({n})</source>
        <translation>已搁置（{n}）</translation>
    </message>
</context>
</TS>
