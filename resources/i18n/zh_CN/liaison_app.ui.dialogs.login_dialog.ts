<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Sign in once with the account the service centre gave you. Afterwards you can work offline; records sync by themselves when the network is there. The account&apos;s password then also unlocks this laptop, instead of a local password.</source>
        <translation>请用服务中心分配的账号登录一次。之后可以离线工作，有网络时记录自动同步。登录后，账号密码也用来解锁本机，取代本机密码。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
</TS>
