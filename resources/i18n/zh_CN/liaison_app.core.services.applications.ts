<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Worker-pass application</source>
        <translation>通行证申请</translation>
    </message>
    <message>
        <source>Reopening application</source>
        <translation>复工复产申请</translation>
    </message>
    <message>
        <source>Procedure application</source>
        <translation>代办事项申请</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Choose the kind of application.</source>
        <extracomment>Status -&gt; statuses it may move to by hand. &quot;printed&quot; is also set by printing a draft. Prevention measures offered on a reopening application (the officer ticks what is done).</extracomment>
        <translation>请选择申请类型。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>The chosen enterprise no longer exists.</source>
        <translation>所选企业已不存在。</translation>
    </message>
    <message>
        <source>Give the period the passes are valid for.</source>
        <translation>请填写通行证的有效期。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Name at least one area the passes are for.</source>
        <translation>请至少填写一个通行区域。</translation>
    </message>
    <message>
        <source>Choose the workers who need a pass.</source>
        <translation>请选择需要通行证的员工。</translation>
    </message>
    <message>
        <source>Give the planned reopening date.</source>
        <translation>请填写计划复工日期。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>List at least one procedure item to be handled.</source>
        <translation>请至少列出一项需要代办的手续。</translation>
    </message>
    <message>
        <source>Agent {n}: {problem}</source>
        <translation>代办人 {n}：{problem}</translation>
    </message>
    <message>
        <source>Some chosen workers are no longer on the roster; choose the workers again.</source>
        <translation>部分所选员工已不在花名册上，请重新选择员工。</translation>
    </message>
    <message>
        <source>This application was already submitted and can no longer be changed. Create a new one instead.</source>
        <translation>该申请已提交，不能再修改。请新建一份申请。</translation>
    </message>
    <message>
        <source>This application no longer exists.</source>
        <translation>该申请已不存在。</translation>
    </message>
    <message>
        <source>A submitted application is kept for the record and cannot be deleted.</source>
        <translation>已提交的申请需留档，不能删除。</translation>
    </message>
    <message>
        <source>An application that is “{current}” cannot become “{wanted}”.</source>
        <translation>处于“{current}”状态的申请不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>Only a worker-pass application issues passes.</source>
        <translation>只有通行证申请才能发放通行证。</translation>
    </message>
    <message>
        <source>This application was rejected; it issues no passes.</source>
        <translation>该申请已被驳回，不能发放通行证。</translation>
    </message>
    <message>
        <source>This pass no longer exists.</source>
        <translation>该通行证已不存在。</translation>
    </message>
    <message>
        <source>This pass is already revoked.</source>
        <translation>该通行证已注销。</translation>
    </message>
</context>
</TS>
