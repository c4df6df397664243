<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProxyPage</name>
    <message>
        <source>proxy case</source>
        <extracomment>Per item row: what the table does not show (id, notes, attachments).</extracomment>
        <translation>代办项目</translation>
    </message>
    <message>
        <source>Proxy cases</source>
        <translation>领办代办</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Half-year public list…</source>
        <translation>半年公示…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Department directory, proxy item catalogue, deadlines and holidays</source>
        <translation>部门目录、代办事项目录、办理时限与节假日</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建代办</translation>
    </message>
    <message>
        <source>Start a new proxy case (Ctrl+N)</source>
        <translation>新建代办项目（Ctrl+N）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Days saved</source>
        <translation>节约天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No proxy cases yet. Click “New case” when the centre takes over an enterprise&apos;s procedures.</source>
        <translation>还没有代办项目。中心接手企业的手续办理时，点击“新建代办”。</translation>
    </message>
    <message>
        <source>Choose a case in the list, or click “New case”.</source>
        <translation>在列表中选择一个代办项目，或点击“新建代办”。</translation>
    </message>
    <message>
        <source>Case cancelled</source>
        <translation>代办终止</translation>
    </message>
    <message>
        <source>Enterprise *</source>
        <translation>企业 *</translation>
    </message>
    <message>
        <source>Project *</source>
        <translation>项目名称 *</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>项目地点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%v of %m items done</source>
        <translation>已办结 %v / %m 项</translation>
    </message>
    <message>
        <source>Procedure items</source>
        <translation>代办事项</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报件</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批复</translation>
    </message>
    <message>
        <source>Usual days</source>
        <translation>常规天数</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>节约天数</translation>
    </message>
    <message>
        <source>Documents handed over</source>
        <translation>移交材料</translation>
    </message>
    <message>
        <source>Dates as YYYY-MM-DD; documents separated by “;”</source>
        <translation>日期按 YYYY-MM-DD 填写；多份材料用“；”分隔</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>保存代办项目（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the case (Esc)</source>
        <translation>关闭代办项目（Esc）</translation>
    </message>
    <message>
        <source>Service record…</source>
        <translation>代办服务记录单…</translation>
    </message>
    <message>
        <source>Print procedure application</source>
        <translation>打印代办事项申请表</translation>
    </message>
    <message>
        <source>Print power of attorney</source>
        <translation>打印代办委托书</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 个项目</translation>
    </message>
    <message>
        <source>{name} ({department}, usually {days} days)</source>
        <translation>{name}（{department}，常规 {days} 天）</translation>
    </message>
    <message>
        <source>Approved items took {taken} days against {usual} usual: {saved} days saved.</source>
        <translation>已批复事项实际用时 {taken} 天，常规 {usual} 天，节约 {saved} 天。</translation>
    </message>
    <message>
        <source>Item {n}: “{text}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>第 {n} 个事项：“{text}”不是日期，请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>Item {n}: the usual duration is a number of days.</source>
        <translation>第 {n} 个事项：常规时限应填天数。</translation>
    </message>
    <message>
        <source>(no enterprise chosen)</source>
        <translation>（未选企业）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Save service record</source>
        <translation>保存代办服务记录单</translation>
    </message>
    <message>
        <source>{year}, first half</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>{year}, second half</source>
        <translation>{year}年下半年</translation>
    </message>
    <message>
        <source>Public list</source>
        <translation>代办情况公示</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <source>Save public list</source>
        <translation>保存代办情况公示</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
</TS>
