<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DraftRestoreBox</name>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <extracomment>The box lists at most this many drafts, then says how many more there are.</extracomment>
        <translation>未保存的内容</translation>
    </message>
    <message>
        <source>Something you were writing was not saved:</source>
        <translation>您正在填写的内容尚未保存：</translation>
    </message>
    <message>
        <source>{n} things you were writing were not saved:</source>
        <translation>您正在填写的 {n} 项内容尚未保存：</translation>
    </message>
    <message>
        <source>{noun}: {title} (last typed {time})</source>
        <translation>{noun}：{title}（最后输入于 {time}）</translation>
    </message>
    <message>
        <source>Restore opens the most recent one in its editor; the others are offered again next time. Discard deletes all of them.</source>
        <translation>“恢复”在编辑器中打开最近的一项，其余的下次启动时再提示；“丢弃”将全部删除。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Discard drafts?</source>
        <translation>丢弃草稿？</translation>
    </message>
    <message>
        <source>The unsaved text will be deleted for good. Discard it?</source>
        <translation>未保存的内容将被永久删除。确定丢弃吗？</translation>
    </message>
</context>
</TS>
