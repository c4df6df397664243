<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Enterprise</name>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <source>Visit every (days)</source>
        <translation>走访周期（天）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The number of employees cannot be negative.</source>
        <translation>职工人数不能为负数。</translation>
    </message>
    <message>
        <source>The visit interval must be between 1 and 366 days.</source>
        <translation>走访周期须在 1 至 366 天之间。</translation>
    </message>
    <message>
        <source>{name} already has this credit code.</source>
        <translation>{name} 已使用此信用代码。</translation>
    </message>
    <message>
        <source>This enterprise no longer exists.</source>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>Another enterprise now has this credit code; it cannot be restored.</source>
        <translation>已有其他企业使用该信用代码，无法恢复。</translation>
    </message>
</context>
</TS>
