<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsStrip</name>
    <message>
        <source>No photos or files attached.</source>
        <extracomment>Emitted when the number of files still being stored changes. Bumped whenever the whole set is replaced, so late results of an old set are dropped.</extracomment>
        <translation>暂无照片或文件。</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Shrink large photos</source>
        <translation>缩小大照片</translation>
    </message>
    <message>
        <source>Photos whose longest edge exceeds {edge} pixels are stored smaller, which saves disk space and sync time.</source>
        <translation>最长边超过 {edge} 像素的照片将缩小后保存，以节省磁盘空间和同步时间。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>照片 ({patterns})</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} is already attached.</source>
        <translation>“{name}”已经附加过了。</translation>
    </message>
    <message>
        <source>No program on this computer opens {name}.</source>
        <translation>这台电脑上没有可以打开“{name}”的程序。</translation>
    </message>
    <message>
        <source>{name}
{size}
Double-click to open</source>
        <translation>{name}
{size}
双击打开</translation>
    </message>
    <message>
        <source>Storing {n} file(s)…</source>
        <translation>正在保存 {n} 个文件…</translation>
    </message>
</context>
</TS>
