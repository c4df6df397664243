<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LockController</name>
    <message>
        <source>Liaison (locked)</source>
        <extracomment>A wall-clock jump beyond the monotonic clock larger than this means the laptop slept.</extracomment>
        <translation>驻企通（已锁定）</translation>
    </message>
</context>
</TS>
