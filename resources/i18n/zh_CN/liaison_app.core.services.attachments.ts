<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <extracomment>Above this size a file is refused: attachments travel to the server over slow links.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {name} is {mb} MB; files over {limit} MB cannot be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {name} could not be stored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
