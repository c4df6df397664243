<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EnterpriseEditor</name>
    <message>
        <source>Edit enterprise — {name}</source>
        <translation>编辑企业 — {name}</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91370100MA3C1234X5</source>
        <translation>18 位，例如 91370100MA3C1234X5</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Key enterprise (visited more often)</source>
        <translation>重点企业（走访更频繁）</translation>
    </message>
    <message>
        <source>Mobile or landline, e.g. 0534-1234567</source>
        <translation>手机或座机，例如 0534-1234567</translation>
    </message>
    <message>
        <source>Default: {key} for key enterprises, {other} for others</source>
        <translation>默认：重点企业 {key} 天，其他企业 {other} 天</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Enterprise name *</source>
        <translation>企业名称 *</translation>
    </message>
    <message>
        <source>Contacts and size</source>
        <translation>联系人与规模</translation>
    </message>
    <message>
        <source>Assigned liaison officers</source>
        <translation>驻企联络员</translation>
    </message>
    <message>
        <source>No officers are known on this device yet.</source>
        <translation>本机尚无联络员信息。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>{problems}

Save the enterprise as it is?</source>
        <translation>{problems}

仍按当前内容保存该企业吗？</translation>
    </message>
</context>
</TS>
