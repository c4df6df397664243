<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <source>The data folder is locked; unlock it to use attachments.</source>
        <extracomment>Above this size a file is refused: attachments travel to the server over slow links.</extracomment>
        <translation>数据文件夹已锁定，请先解锁再使用附件。</translation>
    </message>
    <message>
        <source>The attachment {sha} is not on this computer ({reason}).</source>
        <translation>本机没有附件 {sha}（{reason}）。</translation>
    </message>
    <message>
        <source>The attachment {sha} is damaged or belongs to another key; it cannot be read. Sync fetches it again from the server if it is there.</source>
        <translation>附件 {sha} 已损坏或属于其他密钥，无法读取。如服务器上有此文件，同步时会重新下载。</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
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
    <message>
        <source>The attachment {sha} does not match its name; it was left as it is.</source>
        <translation>附件 {sha} 的内容与其名称不符，已保持原样。</translation>
    </message>
</context>
</TS>
