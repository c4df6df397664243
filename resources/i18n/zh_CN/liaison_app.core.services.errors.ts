<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full. Free some space and try again; nothing saved before was lost.</source>
        <translation>磁盘已满。请腾出一些空间后重试；之前保存的内容没有丢失。</translation>
    </message>
    <message>
        <source>The database is busy with another program. Try again in a moment; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written. Free some space, or choose another disk, and try again.</source>
        <translation>磁盘已满，无法写入 {path}。请腾出一些空间或换一个磁盘后重试。</translation>
    </message>
    <message>
        <source>Permission denied for {path}. Choose a place you may write to, such as a folder in your home folder.</source>
        <translation>没有权限访问 {path}。请选择一个您有权写入的位置，例如您主目录下的文件夹。</translation>
    </message>
    <message>
        <source>{path} does not exist. Check the name and the folder.</source>
        <translation>{path} 不存在。请检查文件名和所在文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder. Give the name of a file.</source>
        <translation>{path} 是文件夹。请给出文件名。</translation>
    </message>
    <message>
        <source>{path} is not a folder: part of the path is a file.</source>
        <translation>{path} 无法访问：路径中有一部分是文件而不是文件夹。</translation>
    </message>
    <message>
        <source>{path} is on a disk that cannot be written to. Choose another place.</source>
        <translation>{path} 所在的磁盘不可写入。请选择其他位置。</translation>
    </message>
    <message>
        <source>{path} could not be read or written: {reason}.</source>
        <translation>无法读写 {path}：{reason}。</translation>
    </message>
</context>
</TS>
