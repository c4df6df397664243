<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Unknown page: {page}</source>
        <translation>未知页面：{page}</translation>
    </message>
    <message>
        <source>{path} could not be written as a PNG image.</source>
        <translation>无法将 {path} 保存为 PNG 图片。</translation>
    </message>
</context>
</TS>
