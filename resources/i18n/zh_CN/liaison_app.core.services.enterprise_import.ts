<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Enterprise</name>
    <message>
        <source>{name} already has this credit code.</source>
        <extracomment>SQLite allows many more bound variables, but short IN lists keep every query plan cheap.</extracomment>
        <translation>{name} 已使用此信用代码。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>This credit code is already in row {row} of this file.</source>
        <translation>此信用代码已出现在本文件第 {row} 行。</translation>
    </message>
    <message>
        <source>Row {row} ({name}) cannot be saved: {problem} Nothing was imported.</source>
        <translation>第 {row} 行（{name}）无法保存：{problem} 本次未导入任何数据。</translation>
    </message>
</context>
</TS>
