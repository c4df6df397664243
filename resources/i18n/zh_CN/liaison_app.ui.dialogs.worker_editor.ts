<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WorkerEditor</name>
    <message>
        <source>Edit worker</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <extracomment>Who the worker is, and where they work and live: the two columns of the form. Free text, below both columns.</extracomment>
        <translation>18 位，例如 11010519491231002X</translation>
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
        <source>worker</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写姓名）</translation>
    </message>
</context>
</TS>
