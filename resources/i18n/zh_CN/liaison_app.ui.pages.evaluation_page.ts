<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Satisfaction</source>
        <extracomment>Pictures the QR code can be read from. Round id -&gt; enterprise id -&gt; phone link issued this session. Only in memory: a working link is the key to an enterprise&apos;s scoring and is never written to disk.</extracomment>
        <translation>测评</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>新建测评轮次</translation>
    </message>
    <message>
        <source>Open for scoring</source>
        <translation>开放测评</translation>
    </message>
    <message>
        <source>Close the round</source>
        <translation>结束测评</translation>
    </message>
    <message>
        <source>Print the sheets…</source>
        <translation>打印测评表…</translation>
    </message>
    <message>
        <source>Open a sheet from its photo…</source>
        <translation>按照片打开测评表…</translation>
    </message>
    <message>
        <source>Phone links…</source>
        <translation>手机测评链接…</translation>
    </message>
    <message>
        <source>Issue, show, copy and print the links enterprises score with on their phones</source>
        <translation>发放、显示、复制和打印企业用手机评分的链接</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>测评表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Enter sheets</source>
        <translation>录入测评表</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>测评结果</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source> · anonymous</source>
        <translation> · 匿名</translation>
    </message>
    <message>
        <source>{n} rounds</source>
        <translation>{n} 个测评轮次</translation>
    </message>
    <message>
        <source>No evaluation round yet. Start one with “New round”.</source>
        <translation>还没有测评轮次。点击“新建测评轮次”开始。</translation>
    </message>
    <message>
        <source>No evaluation round yet. The service centre sets rounds up; they arrive here with the next sync.</source>
        <translation>还没有测评轮次。测评轮次由服务中心设置，同步后会出现在这里。</translation>
    </message>
    <message>
        <source>Only the service centre sets up rounds; you see how this one is set up.</source>
        <translation>测评轮次由服务中心设置；这里显示本轮的设置。</translation>
    </message>
    <message>
        <source>Round saved.</source>
        <translation>测评轮次已保存。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开放</translation>
    </message>
    <message>
        <source>Close the round?</source>
        <translation>结束测评？</translation>
    </message>
    <message>
        <source>After closing, no more sheets can be entered on any computer, and phone links stop working. Sheets collected before now on laptops still offline are accepted when they sync. Close “{name}”?</source>
        <translation>结束后，任何电脑都不能再录入测评表，手机测评链接也将失效；尚未同步的电脑上此前收集的测评表同步时仍会被接受。确定结束“{name}”吗？</translation>
    </message>
    <message>
        <source>The round is open for scoring.</source>
        <translation>测评已开放。</translation>
    </message>
    <message>
        <source>The round is closed.</source>
        <translation>测评已结束。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Photo or scan of a returned sheet</source>
        <translation>交回测评表的照片或扫描件</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <source>Reading the code…</source>
        <translation>正在识别二维码…</translation>
    </message>
    <message>
        <source>The sheet is of an enterprise that is not on this computer or not assigned to you.</source>
        <translation>该测评表的企业不在本机上，或不由您负责。</translation>
    </message>
</context>
</TS>
