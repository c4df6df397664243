<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScoreGrid</name>
    <message>
        <source>typed score sheets</source>
        <extracomment>What may be typed for 不了解/不适用 (the first letter is enough). The editor contract&apos;s kind of the grid&apos;s drafts (see ``DRAFT_KINDS``). Dimension key -&gt; number, None (n/a) or missing (blank). A row was saved (the page refreshes counts and results). The phone link of a row&apos;s enterprise was asked for (its context menu). The page offers phone links for this round (the centre, a round open to phones).</extracomment>
        <translation>录入中的测评表</translation>
    </message>
    <message>
        <source>Evaluated unit</source>
        <translation>被测评单位</translation>
    </message>
    <message>
        <source>Find an enterprise (Enter goes to its row)</source>
        <translation>查找企业（回车跳到该行）</translation>
    </message>
    <message>
        <source>The round is being prepared; sheets can be entered once the centre opens it.</source>
        <translation>本轮测评尚在准备，服务中心开放后才能录入测评表。</translation>
    </message>
    <message>
        <source>The round is closed; no more sheets can be entered.</source>
        <translation>本轮测评已结束，不能再录入测评表。</translation>
    </message>
    <message>
        <source>Your account can read results but not enter sheets.</source>
        <translation>您的账号可以查看测评结果，但不能录入测评表。</translation>
    </message>
    <message>
        <source>Type each level&apos;s number ({levels}) or its points; n, / or - for “don&apos;t know / not applicable”. Tab or Enter goes to the next box; a row is saved when you leave it.</source>
        <translation>输入各项等级序号（{levels}）或其分值；输入 n、/ 或 - 表示“不了解/不适用”。按 Tab 或回车到下一格；离开一行即自动保存该行。</translation>
    </message>
    <message>
        <source>Type each score (0 to {max}); n, / or - for “don&apos;t know / not applicable”. Tab or Enter goes to the next box; a row is saved when you leave it.</source>
        <translation>输入各项分数（0 到 {max}）；输入 n、/ 或 - 表示“不了解/不适用”。按 Tab 或回车到下一格；离开一行即自动保存该行。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见和建议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>None of the enterprises invited to this round is on this computer (an officer&apos;s laptop holds the enterprises assigned to them).</source>
        <translation>本机上没有本轮邀请的企业（联络员的电脑只保存分配给自己的企业）。</translation>
    </message>
    <message>
        <source>{done} of {total} entered</source>
        <translation>已录入 {done}/{total}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Entered (anonymous)</source>
        <translation>已录入（匿名）</translation>
    </message>
    <message>
        <source>Entered ✓</source>
        <translation>已录入 ✓</translation>
    </message>
    <message>
        <source>{dimension}: “{text}” is not a score of this round ({scale}).</source>
        <translation>{dimension}：“{text}”不是本轮的有效分数（{scale}）。</translation>
    </message>
    <message>
        <source>Phone link of this enterprise…</source>
        <translation>该企业的手机测评链接…</translation>
    </message>
    <message>
        <source>Sheet already entered</source>
        <translation>测评表已录入</translation>
    </message>
    <message>
        <source>Open the first sheet</source>
        <translation>打开已录入的测评表</translation>
    </message>
    <message>
        <source>Replace it with what I typed</source>
        <translation>用我输入的替换</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{unit}: {n} sheets typed</source>
        <translation>{unit}：{n} 张测评表录入后未保存</translation>
    </message>
    <message>
        <source>Correct the boxes in red first, or empty them.</source>
        <translation>请先改正标红的格子，或将其清空。</translation>
    </message>
    <message>
        <source>{name}: this sheet is already entered; what you type changes it.</source>
        <translation>{name}：该测评表已录入，输入的内容将修改它。</translation>
    </message>
    <message>
        <source>{name}: type the scores of this sheet.</source>
        <translation>{name}：请录入这张测评表的分数。</translation>
    </message>
</context>
</TS>
