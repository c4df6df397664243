<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <extracomment>Above this size a file is refused: attachments travel to the server over slow links.</extracomment>
        <translation>无法读取文件 {name}：{reason}</translation>
    </message>
    <message>
        <source>The file {name} is {mb} MB; files over {limit} MB cannot be attached.</source>
        <translation>文件 {name} 大小为 {mb} MB，超过 {limit} MB 的文件不能作为附件。</translation>
    </message>
    <message>
        <source>The file {name} could not be stored: {reason}</source>
        <translation>文件 {name} 保存失败：{reason}</translation>
    </message>
</context>
</TS>
