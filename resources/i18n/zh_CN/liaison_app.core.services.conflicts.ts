<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Sync</name>
    <message>
        <source>This conflict was already settled.</source>
        <translation>该冲突已经处理过了。</translation>
    </message>
</context>
</TS>
