<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CentreSettings</name>
    <message>
        <source>Only the service centre can change this setting.</source>
        <translation>只有服务中心可以修改此项设置。</translation>
    </message>
</context>
</TS>
