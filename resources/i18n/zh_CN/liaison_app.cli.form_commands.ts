<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>list the printable forms</source>
        <translation>列出可打印的表单</translation>
    </message>
    <message>
        <source>List the printable forms, the records they print from and whether full ID numbers may be printed on them.</source>
        <translation>列出可打印的表单、各表单依据的记录，以及能否打印完整身份证号。</translation>
    </message>
    <message>
        <source>print a form of a record to a PDF file</source>
        <translation>把某条记录的表单打印为 PDF 文件</translation>
    </message>
    <message>
        <source>Fill FORM from a record and write it as PDF. Every print is logged (who, when, which form, full numbers or not).</source>
        <translation>用一条记录填写表单 FORM 并写成 PDF。每次打印都会记入审计日志（何人、何时、哪张表单、是否打印完整号码）。</translation>
    </message>
    <message>
        <source>form id, see liaison forms</source>
        <translation>表单编号，见 liaison forms</translation>
    </message>
    <message>
        <source>the application, visit, enterprise (for a whole roster), proxy case, request, evaluation round (satisfaction forms), year (letter register) or half year (public list, 2026-1 or 2026-2) to print</source>
        <translation>要打印的申请、走访、企业（整份花名册）、代办项目、诉求、测评轮次（测评表）、年份（直通车登记簿）或半年（公示，2026-1 或 2026-2）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>print full ID and phone numbers (only on forms that allow it; logged)</source>
        <translation>打印完整的身份证号和电话号码（仅限允许的表单，并记入审计日志）</translation>
    </message>
    <message>
        <source>import an enterprise&apos;s worker roster</source>
        <translation>导入企业员工花名册</translation>
    </message>
    <message>
        <source>Import a worker roster. Workers already on the roster (same ID number) are updated. Exit status 0 only when every row was imported.</source>
        <translation>导入员工花名册。已在花名册上的员工（身份证号相同）会被更新。每一行都导入成功时退出状态才为 0。</translation>
    </message>
    <message>
        <source>.xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>the enterprise&apos;s unified social credit code</source>
        <translation>企业的统一社会信用代码</translation>
    </message>
    <message>
        <source>sheet name in an .xlsx file (default: the first sheet)</source>
        <translation>.xlsx 文件中的工作表名称（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>a pass application</source>
        <extracomment>What each form prints from, as the ``--id`` of ``liaison print``.</extracomment>
        <translation>通行证申请</translation>
    </message>
    <message>
        <source>a reopening application</source>
        <translation>复工复产申请</translation>
    </message>
    <message>
        <source>a procedure application or proxy case</source>
        <translation>办事申请或代办项目</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>an enterprise or application</source>
        <translation>企业或申请</translation>
    </message>
    <message>
        <source>an evaluation round</source>
        <translation>测评轮次</translation>
    </message>
    <message>
        <source>a dispatched request</source>
        <translation>一件已交办的诉求</translation>
    </message>
    <message>
        <source>a proxy case</source>
        <translation>一件代办项目</translation>
    </message>
    <message>
        <source>a year, e.g. 2026</source>
        <translation>年份，如 2026</translation>
    </message>
    <message>
        <source>a half year, e.g. 2026-1 or 2026-2</source>
        <translation>半年，如 2026-1 或 2026-2</translation>
    </message>
    <message>
        <source>full ID numbers allowed</source>
        <translation>可打印完整身份证号</translation>
    </message>
    <message>
        <source>always masked</source>
        <translation>号码始终打码</translation>
    </message>
    <message>
        <source>--id: {record}</source>
        <translation>--id：{record}</translation>
    </message>
    <message>
        <source>not printed from a record here</source>
        <translation>此处不从记录打印</translation>
    </message>
    <message>
        <source>[{full}; {where}]</source>
        <translation>[{full}；{where}]</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>No enterprise has the credit code {code}.</source>
        <translation>没有统一社会信用代码为 {code} 的企业。</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported into the roster of {name}: {created} new, {updated} updated; {errors} with errors.</source>
        <translation>{total} 行中已有 {imported} 行导入 {name} 的花名册：新增 {created} 人，更新 {updated} 人；{errors} 行有错误。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>There is no form “{form}”; `liaison forms` lists them.</source>
        <translation>没有表单“{form}”；`liaison forms` 可列出全部表单。</translation>
    </message>
    <message>
        <source>{form}: {pages} pages written to {path} (font: {fonts}).</source>
        <translation>{form}：共 {pages} 页，已写入 {path}（字体：{fonts}）。</translation>
    </message>
    <message>
        <source>Full ID numbers were printed; the print is logged.</source>
        <translation>已打印完整身份证号；本次打印已记录在审计日志中。</translation>
    </message>
    <message>
        <source>Document number: {number}.</source>
        <translation>文号：{number}。</translation>
    </message>
    <message>
        <source>The form says “{number}”: the server gives its number when this computer next syncs. Print it again after syncing to carry the number.</source>
        <translation>表上印的是“{number}”：文号在本机下次同步时由服务器编定。同步后重新打印即带正式文号。</translation>
    </message>
</context>
</TS>
