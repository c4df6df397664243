<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>sign this laptop in to the sync server</source>
        <translation>让本机登录同步服务器</translation>
    </message>
    <message>
        <source>the county server&apos;s address, e.g. https://liaison.example.gov.cn</source>
        <translation>县服务器地址，例如 https://liaison.example.gov.cn</translation>
    </message>
    <message>
        <source>your user name on the server</source>
        <translation>您在服务器上的用户名</translation>
    </message>
    <message>
        <source>read the password from standard input</source>
        <translation>从标准输入读取密码</translation>
    </message>
    <message>
        <source>trust this CA certificate (PEM)</source>
        <translation>信任此 CA 证书（PEM 格式）</translation>
    </message>
    <message>
        <source>send and receive changes once</source>
        <translation>立即同步一次（发送并接收更改）</translation>
    </message>
    <message>
        <source>waiting, refused and conflicting changes</source>
        <translation>查看待发送、被拒绝和有冲突的更改</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Signed in to {server} as {user} ({role}); the token is kept in the {store}.</source>
        <translation>已以 {user}（{role}）身份登录 {server}；登录凭据保存在{store}中。</translation>
    </message>
    <message>
        <source>Records of type {table} did not match the server and were fetched again.</source>
        <translation>“{table}”类记录与服务器不一致，已重新获取。</translation>
    </message>
    <message>
        <source>Server: {server} (signed in as {user})</source>
        <translation>服务器：{server}（当前用户 {user}）</translation>
    </message>
    <message>
        <source>Not signed in to a server.</source>
        <translation>尚未登录服务器。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Waiting to be sent: {pending}</source>
        <translation>待发送：{pending}</translation>
    </message>
    <message>
        <source>Refused by the server: {rejected}</source>
        <translation>被服务器拒收：{rejected}</translation>
    </message>
    <message>
        <source>Conflicts to review: {conflicts}</source>
        <translation>待处理冲突：{conflicts}</translation>
    </message>
    <message>
        <source>Received but not applied (set aside): {count}</source>
        <translation>已收到但未能应用（已搁置）：{count}</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>上次成功同步：{when}</translation>
    </message>
    <message>
        <source>The last sync failed: {message}</source>
        <translation>上次同步失败：{message}</translation>
    </message>
    <message>
        <source>{kind} {record}: {reason}</source>
        <translation>{kind} {record}：{reason}</translation>
    </message>
</context>
</TS>
