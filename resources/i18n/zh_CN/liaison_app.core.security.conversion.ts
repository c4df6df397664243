<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Security</name>
    <message>
        <source>The encrypted copy of {path} did not match the original; the original was left as it is. Free some disk space and start Liaison again.</source>
        <translation>{path} 的加密副本与原文件不一致，原文件保持不变。请腾出一些磁盘空间后重新启动驻企通。</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>Encrypting the backups…</source>
        <translation>正在加密备份…</translation>
    </message>
    <message>
        <source>Encrypting attachments…</source>
        <translation>正在加密附件…</translation>
    </message>
</context>
</TS>
