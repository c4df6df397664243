<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Account</name>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>This laptop is not signed in to a server.</source>
        <translation>本机未登录服务器。</translation>
    </message>
    <message>
        <source>Sign {user} out of the server on this laptop? The sign-in token is forgotten.</source>
        <translation>在本机退出 {user} 的服务器登录？登录凭据将被删除。</translation>
    </message>
    <message>
        <source>{n} changes have not been sent yet. They stay on this laptop and are sent when {user} signs in again; never under another account.</source>
        <translation>还有 {n} 项修改尚未发送。它们保留在本机，{user} 再次登录时发送；绝不会以其他账号发送。</translation>
    </message>
</context>
</TS>
