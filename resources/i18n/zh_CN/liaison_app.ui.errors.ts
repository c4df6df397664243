<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full. Free some space; what you typed is kept as a draft and can be saved again.</source>
        <translation>磁盘已满。请清理出空间；已输入的内容保存在草稿中，稍后可再次保存。</translation>
    </message>
    <message>
        <source>The database is busy with another program. Try again in a moment; nothing was lost.</source>
        <translation>数据库正被其他程序占用，请稍后再试；没有丢失任何内容。</translation>
    </message>
    <message>
        <source>A file could not be read or written: {reason}</source>
        <translation>文件读写失败：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing already saved was lost. Details are in the log file.</source>
        <translation>操作未能完成。已保存的内容没有丢失，详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>操作未完成</translation>
    </message>
</context>
</TS>
