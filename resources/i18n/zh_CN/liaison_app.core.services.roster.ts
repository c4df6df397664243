<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Worker</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Town of residence</source>
        <translation>居住镇街</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Health declaration</source>
        <translation>健康申报</translation>
    </message>
    <message>
        <source>Travel declaration</source>
        <translation>行程申报</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{name} on this roster already has this ID number.</source>
        <translation>花名册上的 {name} 已使用该身份证号。</translation>
    </message>
    <message>
        <source>The enterprise of this roster no longer exists.</source>
        <translation>该花名册所属企业已不存在。</translation>
    </message>
    <message>
        <source>This worker is no longer on the roster.</source>
        <translation>该员工已不在花名册上。</translation>
    </message>
</context>
</TS>
