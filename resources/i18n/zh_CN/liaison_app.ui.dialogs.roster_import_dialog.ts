<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import the worker roster of {name}</source>
        <translation>导入 {name} 的员工花名册</translation>
    </message>
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
        <source>Importing {n} workers…</source>
        <translation>正在导入 {n} 名员工…</translation>
    </message>
    <message>
        <source>{n} of them are already on the roster (same ID number) and will be updated, not added twice.</source>
        <translation>其中 {n} 人已在花名册上（身份证号相同），将更新其信息，不会重复添加。</translation>
    </message>
</context>
</TS>
