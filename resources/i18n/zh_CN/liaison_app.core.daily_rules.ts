<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyRules</name>
    <message>
        <source>A report needs at least one field.</source>
        <extracomment>What a field means to the board: the figures that are added up across enterprises. Longest free text a report field holds (a paragraph, not a document). Largest number a count may hold unless the field says otherwise: no enterprise has a million people on site, and a bigger value is a typing slip (or an attack). Characters no database text column holds (NUL) or that are half of a UTF-16 pair. For a check: the answer that is in order. The other answer is an anomaly.</extracomment>
        <translation>日报至少要有一个填报项。</translation>
    </message>
    <message>
        <source>Every field needs a name.</source>
        <translation>每个填报项都要有名称。</translation>
    </message>
    <message>
        <source>Two fields are named “{label}”.</source>
        <translation>有两个填报项都叫“{label}”。</translation>
    </message>
    <message>
        <source>The field “{label}” has no usable key.</source>
        <translation>填报项“{label}”没有可用的标识。</translation>
    </message>
    <message>
        <source>“{label}”: the smallest allowed value is above the largest.</source>
        <translation>“{label}”：最小值大于最大值。</translation>
    </message>
    <message>
        <source>“{label}” cannot count as {measure}: that needs one {kind} field.</source>
        <translation>“{label}”不能计为{measure}：这需要唯一一个{kind}类填报项。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>yes/no check</source>
        <translation>是否检查</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（不计入）</translation>
    </message>
    <message>
        <source>people on site</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>returned from outside the county</source>
        <translation>县外返岗人数</translation>
    </message>
    <message>
        <source>capacity in %</source>
        <translation>产能（%）</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>需协调问题</translation>
    </message>
    <message>
        <source>{label}: answer 是 or 否 (or 1 / 0), not “{value}”.</source>
        <translation>{label}：请填“是”或“否”（或 1 / 0），不能填“{value}”。</translation>
    </message>
    <message>
        <source>{label}: “{value}” is not a whole number.</source>
        <translation>{label}：“{value}”不是整数。</translation>
    </message>
    <message>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The report&apos;s values are not a set of fields.</source>
        <translation>日报的填报内容格式不对。</translation>
    </message>
    <message>
        <source>“{key}” is not a field of this report.</source>
        <translation>“{key}”不是本日报的填报项。</translation>
    </message>
    <message>
        <source>{label}: answer this check.</source>
        <translation>{label}：请填写是或否。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>Of the {people} people on site, {returned} cannot have returned from outside the county.</source>
        <translation>在岗 {people} 人，其中县外返岗不可能有 {returned} 人。</translation>
    </message>
    <message>
        <source>{people} people on site is more than the {employees} employees the enterprise has; confirm that this is right.</source>
        <translation>在岗 {people} 人，超过企业职工人数 {employees} 人，请确认无误。</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label}应填数字。</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>{label}应填整数。</translation>
    </message>
    <message>
        <source>{label}: answer 是 or 否.</source>
        <translation>{label}：请填“是”或“否”。</translation>
    </message>
    <message>
        <source>{label} must be text.</source>
        <translation>{label}应填文字。</translation>
    </message>
    <message>
        <source>{label} contains characters that cannot be stored.</source>
        <translation>{label}含有无法保存的字符。</translation>
    </message>
    <message>
        <source>{label} is longer than {n} characters.</source>
        <translation>{label}超过 {n} 个字。</translation>
    </message>
</context>
</TS>
