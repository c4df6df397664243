<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Import</name>
    <message>
        <source>not imported</source>
        <extracomment>Exit statuses: 0 every row imported; 1 some rows were not (the rest were); 2 nothing was.</extracomment>
        <translation>未导入</translation>
    </message>
    <message>
        <source>imported despite warnings</source>
        <translation>已导入（有警告）</translation>
    </message>
    <message>
        <source>not imported: has warnings</source>
        <translation>未导入：有警告</translation>
    </message>
    <message>
        <source>Row {row} {title}: {state}</source>
        <translation>第 {row} 行 {title}：{state}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported ({errors} with errors, {warnings} with warnings).</source>
        <translation>共 {total} 行，已导入 {imported} 行（{errors} 行有错误，{warnings} 行有警告）。</translation>
    </message>
</context>
</TS>
