<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyTemplateDialog</name>
    <message>
        <source>Report templates</source>
        <extracomment>A field row&apos;s item under a cell widget holds the widget&apos;s value, so a choice or a tick in the fields table is reported by the table like typed text (the contract drafts it). Columns of the fields table.</extracomment>
        <translation>日报模板</translation>
    </message>
    <message>
        <source>Report templates (read only)</source>
        <translation>日报模板（只读）</translation>
    </message>
    <message>
        <source>report template</source>
        <translation>日报模板</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>In use: enterprises report every day</source>
        <translation>启用：企业每日填报</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <source>Who reports</source>
        <translation>填报企业</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>What is reported</source>
        <translation>填报项</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>填报项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>计为</translation>
    </message>
    <message>
        <source>In order when</source>
        <translation>正常时</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Changes apply from</source>
        <translation>修改自此日起生效</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} (not in use)</source>
        <translation>{name}（未启用）</translation>
    </message>
    <message>
        <source>Versions: {list}. Reports entered before a change keep the version they were entered against.</source>
        <translation>版本：{list}。修改前已填报的日报仍按原版本保存。</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date} 起</translation>
    </message>
    <message>
        <source>A new template; its fields apply from the start of its period.</source>
        <translation>新模板，填报项自填报期开始之日起适用。</translation>
    </message>
    <message>
        <source>Report template {name}</source>
        <translation>日报模板“{name}”</translation>
    </message>
    <message>
        <source>answered 是</source>
        <translation>填“是”</translation>
    </message>
    <message>
        <source>answered 否</source>
        <translation>填“否”</translation>
    </message>
    <message>
        <source>Only the service centre changes report templates.</source>
        <translation>日报模板由服务中心修改。</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存{name}。</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新模板）</translation>
    </message>
</context>
</TS>
