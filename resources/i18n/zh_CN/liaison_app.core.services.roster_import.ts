<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Import</name>
    <message>
        <source>This ID number is already in row {row} of this file.</source>
        <extracomment>Row number -&gt; id of the worker that row updates.</extracomment>
        <translation>该身份证号已出现在本文件第 {row} 行。</translation>
    </message>
    <message>
        <source>Row {row} ({name}) cannot be saved: {problem} Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
