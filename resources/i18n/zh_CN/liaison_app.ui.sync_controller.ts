<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncController</name>
    <message>
        <source>Liaison</source>
        <extracomment>The status-bar text changed (or its facts did). A sync finished; carries the SyncReport. Records received in bulk are all in the search index now. Progress of the running sync: text, done, total (0 when unknown).</extracomment>
        <translation>驻企通</translation>
    </message>
    <message>
        <source>Sync status unavailable</source>
        <translation>无法读取同步状态</translation>
    </message>
    <message>
        <source>Not signed in to a server; {n} changes kept on this computer</source>
        <translation>未登录服务器；{n} 项更改保存在本机</translation>
    </message>
    <message>
        <source>Not signed in to a server; everything is kept on this computer</source>
        <translation>未登录服务器，数据保存在本机</translation>
    </message>
    <message>
        <source>Syncing… {what}</source>
        <translation>正在同步… {what}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>刚刚同步</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>{n} 分钟前已同步</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>{n} 小时前已同步</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} 项更改待发送</translation>
    </message>
    <message>
        <source>{n} conflicts to review</source>
        <translation>{n} 处冲突待处理</translation>
    </message>
    <message>
        <source>{n} refused by the server</source>
        <translation>{n} 项被服务器拒收</translation>
    </message>
</context>
</TS>
