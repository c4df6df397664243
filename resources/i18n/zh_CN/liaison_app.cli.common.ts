<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>“{text}” is not a whole number of at least 1.</source>
        <translation>“{text}”不是不小于 1 的整数。</translation>
    </message>
</context>
</TS>
