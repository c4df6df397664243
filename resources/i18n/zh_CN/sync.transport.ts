<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Sync</name>
    <message>
        <source>Sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in to the server again; your unsent changes are kept.</source>
        <translation>登录已过期。请重新登录服务器；未发送的更改会保留。</translation>
    </message>
    <message>
        <source>The administrator withdrew this laptop&apos;s access to the server. Sign in again or ask the service centre; your unsent changes are kept.</source>
        <translation>管理员已撤销本机访问服务器的权限。请重新登录或联系服务中心；未发送的更改会保留。</translation>
    </message>
    <message>
        <source>The service centre reported this laptop lost; its data is removed.</source>
        <translation>服务中心已报告本机丢失，本机数据将被清除。</translation>
    </message>
    <message>
        <source>The service centre retired this laptop: it sends what it holds, then removes its data.</source>
        <translation>服务中心已停用本机：本机先发送所存数据，然后清除本机数据。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask the service centre.</source>
        <translation>该账号已停用，请联系服务中心。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait 15 minutes and try again.</source>
        <translation>登录失败次数过多，请 15 分钟后再试。</translation>
    </message>
    <message>
        <source>The server needs a newer version of Liaison. Install the update; your unsent changes are kept and will be sent after it.</source>
        <translation>服务器要求使用新版驻企通。请安装更新；未发送的更改会保留，更新后再发送。</translation>
    </message>
    <message>
        <source>The server runs an older version than this app. Ask the administrator to update it; your unsent changes are kept.</source>
        <translation>服务器版本低于本程序。请联系管理员升级服务器；未发送的更改会保留。</translation>
    </message>
    <message>
        <source>The server could not handle the request (error {status}). It will be tried again at the next sync.</source>
        <translation>服务器无法处理该请求（错误 {status}），下次同步时将重试。</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>no permission to read it</source>
        <translation>没有读取权限</translation>
    </message>
    <message>
        <source>{path} is not a CA certificate. Choose the certificate file (.pem or .crt) the service centre gave you and sign in again.</source>
        <translation>{path} 不是 CA 证书。请选择服务中心提供的证书文件（.pem 或 .crt）后重新登录。</translation>
    </message>
    <message>
        <source>The CA certificate file {path} cannot be read ({reason}). Choose the certificate file (.pem or .crt) the service centre gave you and sign in again.</source>
        <translation>无法读取 CA 证书文件 {path}（{reason}）。请选择服务中心提供的证书文件（.pem 或 .crt）后重新登录。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted ({reason}). Ask the service centre for its CA certificate file and sign in with it.</source>
        <translation>服务器的证书不受信任（{reason}）。请向服务中心索取其 CA 证书文件，并用它重新登录。</translation>
    </message>
    <message>
        <source>The server cannot be reached ({reason}). Your changes are kept and will be sent when the connection is back.</source>
        <translation>无法连接服务器（{reason}）。更改会保留，网络恢复后自动发送。</translation>
    </message>
</context>
</TS>
