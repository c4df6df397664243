<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Account</name>
    <message>
        <source>Unlock the laptop first.</source>
        <translation>请先解锁本机。</translation>
    </message>
    <message>
        <source>This laptop was never signed in to a server, so the server cannot open it. Use the recovery code instead.</source>
        <translation>本机从未登录过服务器，服务器无法为其解锁。请改用恢复码。</translation>
    </message>
    <message>
        <source>The server does not hold a key for this laptop and account (was it set up again, or signed in with another account?). Use the recovery code.</source>
        <translation>服务器没有本机和此账号的密钥（本机是否重新设置过，或用其他账号登录过？）。请使用恢复码。</translation>
    </message>
</context>
</TS>
