<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EditorContract</name>
    <message>
        <source>visit</source>
        <extracomment>Milliseconds of quiet after a change before the draft is written. Every editor&apos;s draft kind. A new editor adds its line here.</extracomment>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>proxy case</source>
        <translation>代办项目</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>evaluation round</source>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>typed score sheets</source>
        <translation>录入中的测评表</translation>
    </message>
    <message>
        <source>report template</source>
        <translation>日报模板</translation>
    </message>
    <message>
        <source>daily report entry</source>
        <translation>日报填报</translation>
    </message>
    <message>
        <source>This {noun} has changes from {time} that were not saved.</source>
        <extracomment>The person changed a field (not emitted while the contract fills the fields).</extracomment>
        <translation>此{noun}有 {time} 未保存的修改。</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <source>Draft restored. Check it and save.</source>
        <translation>草稿已恢复，请检查后保存。</translation>
    </message>
    <message>
        <source>Draft saved at {time}</source>
        <translation>草稿已于 {time} 保存</translation>
    </message>
    <message>
        <source>The draft could not be saved: {reason}</source>
        <translation>草稿未能保存：{reason}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This {noun} has changes that are not saved.</source>
        <translation>此{noun}有未保存的修改。</translation>
    </message>
    <message>
        <source>Save them now, keep them as a draft to finish later, or discard them?</source>
        <translation>现在保存、保留为草稿以后接着写，还是丢弃？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Keep draft</source>
        <translation>保留草稿</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>This {noun} was deleted elsewhere (for example by a sync). What you typed is kept here until you discard it.</source>
        <translation>此{noun}已在别处被删除（例如同步带来的）。您输入的内容仍保留在这里，直到您丢弃。</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>丢弃我的修改</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>This {noun} was changed elsewhere (for example by a sync). Your unsaved changes are kept; saving them replaces the other changes.</source>
        <translation>此{noun}已在别处被修改（例如同步带来的）。您未保存的修改仍保留；保存后将替换那些修改。</translation>
    </message>
    <message>
        <source>Reload (discard my changes)</source>
        <translation>重新载入（丢弃我的修改）</translation>
    </message>
</context>
</TS>
