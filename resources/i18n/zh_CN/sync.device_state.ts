<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Sync</name>
    <message>
        <source>The service centre reported this laptop lost. All Liaison data on it was removed; nothing was sent.</source>
        <translation>服务中心已报告本机丢失。本机上的驻企通数据已全部清除，未发送任何数据。</translation>
    </message>
    <message>
        <source>This laptop is retired, but {count} of its changes were refused by the server. Its data is kept until they are settled; ask the service centre.</source>
        <translation>本机已停用，但有 {count} 项修改被服务器拒收。处理完这些修改之前本机数据予以保留，请联系服务中心。</translation>
    </message>
    <message>
        <source>This laptop is retired. Its changes were sent to the server ({count}), then all Liaison data on it was removed.</source>
        <translation>本机已停用。本机的修改已发送到服务器（{count} 项），随后本机上的驻企通数据已全部清除。</translation>
    </message>
</context>
</TS>
