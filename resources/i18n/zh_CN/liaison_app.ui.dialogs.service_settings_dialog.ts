<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ServiceSettingsDialog</name>
    <message>
        <source>Request and proxy settings</source>
        <extracomment>The deadline fields of ``RequestConfig`` shown as spin boxes, in the order of the workflow.</extracomment>
        <translation>诉求与代办设置</translation>
    </message>
    <message>
        <source>Department directory</source>
        <translation>部门目录</translation>
    </message>
    <message>
        <source>Proxy item catalogue</source>
        <translation>代办事项目录</translation>
    </message>
    <message>
        <source>Deadlines and holidays</source>
        <translation>办理时限与节假日</translation>
    </message>
    <message>
        <source>Only the enterprise service centre can change these settings; you can look at them.</source>
        <translation>只有企业服务中心可以修改这些设置，您可以查看。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Save unit</source>
        <translation>保存单位</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>A deactivated unit is no longer offered for dispatch; requests that name it keep it.</source>
        <translation>停用的单位不再出现在交办选项中；已交办给它的诉求保持不变。</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Usual days</source>
        <translation>常规时限（天）</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Save catalogue</source>
        <translation>保存事项目录</translation>
    </message>
    <message>
        <source>Row {row}: the item needs a name.</source>
        <translation>第{row}行：请填写事项名称。</translation>
    </message>
    <message>
        <source>Row {row}: {name} is already in the catalogue.</source>
        <translation>第{row}行：目录中已有“{name}”。</translation>
    </message>
    <message>
        <source>Deadlines (working days)</source>
        <translation>办理时限（工作日）</translation>
    </message>
    <message>
        <source>First contact with the enterprise</source>
        <translation>首次联系企业</translation>
    </message>
    <message>
        <source>First reply of the department</source>
        <translation>部门首次答复</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Resolution of a complex request</source>
        <translation>复杂诉求办结</translation>
    </message>
    <message>
        <source>Answer of a co-department</source>
        <translation>协办部门答复</translation>
    </message>
    <message>
        <source>Call-back after resolution</source>
        <translation>办结后回访</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Organisation *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）名称</translation>
    </message>
    <message>
        <source>Name on the seal</source>
        <translation>印章名称</translation>
    </message>
    <message>
        <source>Document number prefix</source>
        <translation>文号机关代字</translation>
    </message>
    <message>
        <source>Supervision phone (public lists)</source>
        <translation>监督电话（公示用）</translation>
    </message>
    <message>
        <source>Direct-channel addressees</source>
        <translation>直通车呈报对象</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Public holidays and make-up working days come from the State Council&apos;s published schedules (up to {year}). Dates added or removed here take precedence and reach every laptop with the next sync.</source>
        <translation>法定节假日和调休上班日取自国务院办公厅发布的安排（已收录至 {year} 年）。在此增删的日期优先，并在下次同步时发送到每台电脑。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Add date</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove date</source>
        <translation>删除日期</translation>
    </message>
    <message>
        <source>A make-up working day is a weekend day worked in exchange (调休).</source>
        <translation>调休上班日是因调休而上班的周末。</translation>
    </message>
    <message>
        <source>Save deadlines and holidays</source>
        <translation>保存时限与节假日</translation>
    </message>
    <message>
        <source>Enter the name of the organisation.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <source>Keep at least one addressee of direct-channel letters.</source>
        <translation>直通车至少保留一个呈报对象。</translation>
    </message>
    <message>
        <source>An addressee is in the list twice.</source>
        <translation>呈报对象重复。</translation>
    </message>
    <message>
        <source>Row {row}: the date is not valid.</source>
        <translation>第{row}行：日期无效。</translation>
    </message>
    <message>
        <source>{date} is in the calendar twice.</source>
        <translation>{date}在日历中重复。</translation>
    </message>
    <message>
        <source>Saved. New deadlines apply to requests dispatched from now on.</source>
        <translation>已保存。新的时限适用于此后交办的诉求。</translation>
    </message>
</context>
</TS>
