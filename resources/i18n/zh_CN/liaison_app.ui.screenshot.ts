<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unknown page: {page}</source>
        <translation>未知页面：{page}</translation>
    </message>
</context>
</TS>
