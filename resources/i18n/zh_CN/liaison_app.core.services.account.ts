<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Account</name>
    <message>
        <source>This laptop holds {count} changes of the account {previous} that the server has not received. Sign in as {previous} and sync first, or ask the service centre to retire the laptop; the changes are never sent under another account.</source>
        <extracomment>Where the sync client keeps the account of the last sign-in (also read here). The centre setting (``centre_settings``) for minutes without input before the lock. An account signed in at least once (False: a laptop on a local password, or demo).</extracomment>
        <translation>本机还有账号 {previous} 的 {count} 项修改未被服务器接收。请先以 {previous} 登录并同步，或请服务中心停用本机；这些修改绝不会以其他账号发送。</translation>
    </message>
</context>
</TS>
