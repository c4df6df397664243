<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FollowUpRow</name>
    <message>
        <source>What is to be done</source>
        <extracomment>The date edit shows &quot;no deadline&quot; at its minimum: QDateEdit cannot be empty.</extracomment>
        <translation>需要办理的事项</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>未定时限</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove this follow-up action</source>
        <translation>移除这条跟进事项</translation>
    </message>
</context>
<context>
    <name>FollowUpsEditor</name>
    <message>
        <source>No follow-up actions.</source>
        <translation>暂无跟进事项。</translation>
    </message>
    <message>
        <source>Add follow-up action</source>
        <translation>添加跟进事项</translation>
    </message>
</context>
</TS>
