<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Sync</name>
    <message>
        <source>Sent {pushed} changes ({conflicts} conflicts, {rejected} refused), received {pulled} records, {up} files up, {down} files down.</source>
        <extracomment>ok | offline | signin | upgrade | server | cancelled | busy | error (anything else: recorded as a failed sync, never as a successful one) | wiped (a lost or retired laptop removed its data: nothing is left to record the sync in) Pulled records this laptop could not apply and set aside (with the reason). Records that left this account&apos;s scope and this laptop.</extracomment>
        <translation>已发送 {pushed} 项更改（冲突 {conflicts} 项，被拒收 {rejected} 项），收到 {pulled} 条记录，上传文件 {up} 个，下载文件 {down} 个。</translation>
    </message>
    <message>
        <source>This laptop is not signed in to a server yet. Sign in first; your records are kept.</source>
        <extracomment>The connection of the last sync, kept for the next one while the server, the account and the settings stay the same (no new connection for each sync).</extracomment>
        <translation>本机尚未登录服务器。请先登录；记录会保留在本机。</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <source>The sync stopped because of an unexpected problem ({reason}). Nothing was lost; it will be tried again. If it happens again, send the log file to the service centre.</source>
        <translation>同步因意外问题中止（{reason}）。没有丢失任何数据，稍后会再次尝试。如果再次发生，请将日志文件发给服务中心。</translation>
    </message>
    <message>
        <source>Sending changes: {done} of {total}</source>
        <translation>正在发送更改：{done} / {total}</translation>
    </message>
    <message>
        <source>Receiving records: {count}</source>
        <extracomment>Everything pulled again because the server forgot what it told this laptop: the ids it sends (this laptop&apos;s own too) are all it holds for this account.</extracomment>
        <translation>正在接收记录：{count}</translation>
    </message>
    <message>
        <source>Checking the records</source>
        <translation>正在核对记录</translation>
    </message>
    <message>
        <source>Sending files: {done} of {total}</source>
        <translation>正在上传文件：{done} / {total}</translation>
    </message>
    <message>
        <source>Receiving files: {done} of {total}</source>
        <translation>正在下载文件：{done} / {total}</translation>
    </message>
    <message>
        <source>The server sent an answer this version of Liaison cannot read. Nothing was changed here; it will be tried again. If it persists, ask the service centre whether the server was updated.</source>
        <translation>服务器的应答无法被此版本的驻企通读取。本机没有任何改动，稍后会再次尝试。如果一直如此，请询问服务中心服务器是否已升级。</translation>
    </message>
    <message>
        <source>The connection dropped while a file was arriving ({reason}); the rest will be fetched at the next sync.</source>
        <translation>下载文件时连接中断（{reason}），已收到的部分会保留，下次同步时接着下载其余部分。</translation>
    </message>
    <message>
        <source>A file arrived damaged and was discarded; it will be fetched again.</source>
        <translation>收到的文件已损坏并被丢弃，稍后将重新获取。</translation>
    </message>
</context>
</TS>
