<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationEditor</name>
    <message>
        <source>application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Leave empty for a title made from the content</source>
        <translation>留空则按内容自动生成标题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Valid from / to</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>e.g. 经济开发区、城关街道</source>
        <translation>例如：经济开发区、城关街道</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>通行区域</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Workers who need a pass</source>
        <translation>需要通行证的员工</translation>
    </message>
    <message>
        <source>Planned reopening date</source>
        <translation>计划复工日期</translation>
    </message>
    <message>
        <source>Capacity plan</source>
        <translation>产能恢复计划</translation>
    </message>
    <message>
        <source>Commitment addressed to</source>
        <translation>承诺书致</translation>
    </message>
    <message>
        <source>Epidemic prevention officer</source>
        <translation>防疫负责人</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Returning from outside the county</source>
        <translation>外地返岗人数</translation>
    </message>
    <message>
        <source>Separated by 、 (empty: the standard list)</source>
        <translation>以“、”分隔（留空：标准附件清单）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资名称</translation>
    </message>
    <message>
        <source>Quantity needed</source>
        <translation>需求数量</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Materials and protective supplies</source>
        <translation>原材料及防疫物资需求</translation>
    </message>
    <message>
        <source>Prevention measures (tick what is in place)</source>
        <translation>防控措施（勾选已落实的）</translation>
    </message>
    <message>
        <source>Empty: the standard commitment text</source>
        <translation>留空：使用标准承诺书文本</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Workers returning (none ticked: everyone)</source>
        <translation>返岗员工（不勾选即全部）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project location</source>
        <translation>项目地点</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资额</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目简介</translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Officer&apos;s phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <source>Agent organisation</source>
        <translation>受托单位</translation>
    </message>
    <message>
        <source>Power of attorney valid</source>
        <translation>委托有效期</translation>
    </message>
    <message>
        <source>Procedure item</source>
        <translation>手续事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <source>Documents handed over</source>
        <translation>移交材料</translation>
    </message>
    <message>
        <source>Usual days</source>
        <translation>常规办理天数</translation>
    </message>
    <message>
        <source>Procedure items</source>
        <translation>代办手续事项</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Agents (the centre&apos;s staff who handle it)</source>
        <translation>代办人（负责办理的中心工作人员）</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>GridEditor</name>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除所选行</translation>
    </message>
</context>
<context>
    <name>WorkerChooser</name>
    <message>
        <source>Add workshop</source>
        <extracomment>The ticked workers changed.</extracomment>
        <translation>按车间添加</translation>
    </message>
    <message>
        <source>Add post</source>
        <translation>按岗位添加</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>{n} of {total} workers chosen</source>
        <translation>已选 {n} 人，共 {total} 人</translation>
    </message>
</context>
</TS>
