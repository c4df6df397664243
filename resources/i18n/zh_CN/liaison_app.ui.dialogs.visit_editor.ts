<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>VisitEditor</name>
    <message>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <source>visit</source>
        <extracomment>More enterprises than any county has; the chooser holds them all for type-to-find.</extracomment>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Type part of the name</source>
        <translation>输入企业名称中的任意文字</translation>
    </message>
    <message>
        <source>e.g. the enterprise&apos;s meeting room</source>
        <translation>如：企业会议室</translation>
    </message>
    <message>
        <source>Department representatives and enterprise contacts who took part</source>
        <translation>参加走访的部门代表、企业联系人等</translation>
    </message>
    <message>
        <source>What was seen, discussed and agreed</source>
        <translation>走访中了解的情况、商议和议定的事项</translation>
    </message>
    <message>
        <source>One problem per line</source>
        <translation>每行填写一个问题</translation>
    </message>
    <message>
        <source>Record this problem as a request</source>
        <translation>将此问题登记为诉求</translation>
    </message>
    <message>
        <source>Put the cursor on a problem line; the request starts with that text.</source>
        <translation>把光标放在某个问题所在行，诉求将以该问题为内容。</translation>
    </message>
    <message>
        <source>Enterprise *</source>
        <translation>走访企业 *</translation>
    </message>
    <message>
        <source>Visit time *</source>
        <translation>走访时间 *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Liaison officers</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Visit summary *</source>
        <translation>走访情况 *</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this visit (can be undone)</source>
        <translation>删除这条走访记录（可撤销）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the visit (Ctrl+S)</source>
        <translation>保存走访记录（Ctrl+S）</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>编辑走访</translation>
    </message>
    <message>
        <source>The draft was not found; it may have been discarded.</source>
        <translation>未找到该草稿，可能已被丢弃。</translation>
    </message>
    <message>
        <source>(no enterprise chosen)</source>
        <translation>（未选择企业）</translation>
    </message>
    <message>
        <source>Save the visit first; the request is linked to it.</source>
        <translation>请先保存走访记录，诉求将与其关联。</translation>
    </message>
    <message>
        <source>Put the cursor on the problem to record.</source>
        <translation>请把光标放在要登记的问题上。</translation>
    </message>
    <message>
        <source>Wait until the attachments are stored, then save.</source>
        <translation>附件正在保存，请稍候再保存走访记录。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The visit was not saved. Correct the marked fields.</source>
        <translation>走访记录未保存，请按提示修改标出的内容。</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>{warnings}

Save the visit anyway?</source>
        <translation>{warnings}

仍要保存这条走访记录吗？</translation>
    </message>
</context>
</TS>
