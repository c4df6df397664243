<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Import</name>
    <message>
        <source>Excel stored {label} as a number and lost digits (“{value}”). Format the column as text in Excel, type the numbers again and save.</source>
        <extracomment>Free text; a number Excel stored is given back as the digits a person typed. An identifier (ID, phone, credit code): like TEXT, and a number Excel mangled is caught. Yes/no as people write it: 是/否, Y/N, 1/0, √. Cells that could not be understood (e.g. &quot;abc&quot; in a number column). Row number of the header row (1-based, as Excel shows it); 0 when the file is empty. Column key -&gt; index into ``headers``. Problems with the whole file (e.g. a required column is missing): nothing can be imported. The raw cells of the data rows, kept so the mapping can change without reading again. Rows searched for the header; a title and a note or two above it are common, more is not. Excel&apos;s ways of keeping a number as text: =&quot;0534...&quot; and a leading apostrophe. Digits a float holds exactly; Excel keeps 15, so longer numbers stored as numbers are lost.</extracomment>
        <translation>Excel 把“{label}”存成了数字，丢失了位数（“{value}”）。请在 Excel 中把该列设置为文本格式，重新输入号码后保存。</translation>
    </message>
    <message>
        <source>{label}: “{value}” is not a whole number.</source>
        <translation>{label}：“{value}”不是整数。</translation>
    </message>
    <message>
        <source>{label}: “{value}” is not a date; write it like 2024-03-01.</source>
        <translation>{label}：“{value}”不是日期，请写成 2024-03-01 这样的格式。</translation>
    </message>
    <message>
        <source>{label}: “{value}” is neither yes nor no; write 是 or 否.</source>
        <translation>{label}：“{value}”无法识别为是或否，请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>{path} is empty: it has no rows to import.</source>
        <extracomment>A password-protected .xlsx is an OLE container holding this stream (name in UTF-16).
----------
Above this, the fallback that opens the workbook fully for its merged cells is too slow.</extracomment>
        <translation>{path} 是空文件，没有可导入的行。</translation>
    </message>
    <message>
        <source>The file has no “{label}” column (looked for: {aliases}), so none of its {count} data rows can be imported. Its header row {row} has: {found}. Rename that column or choose it by hand.</source>
        <translation>文件中没有“{label}”列（查找的列名：{aliases}），文件中的 {count} 行数据都无法导入。第 {row} 行表头中有：{found}。请修改该列的列名，或手动指定对应的列。</translation>
    </message>
    <message>
        <source>{path} has a header row (row {row}) but no data below it.</source>
        <translation>{path} 有表头（第 {row} 行），但表头下方没有数据。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a spreadsheet file.</source>
        <translation>{path} 是文件夹，不是表格文件。</translation>
    </message>
    <message>
        <source>The file {path} cannot be opened ({reason}).</source>
        <translation>无法打开文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.</source>
        <translation>{path} 设有密码保护。请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿）后重新保存。</translation>
    </message>
    <message>
        <source>{path} is in the old Excel 97–2003 (.xls) format, which cannot be read. Open it in Excel or WPS and save it as .xlsx (Excel workbook) or CSV, then import that file.</source>
        <translation>{path} 是旧版 Excel 97–2003（.xls）格式，无法读取。请用 Excel 或 WPS 打开，另存为 .xlsx（Excel 工作簿）或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>{path} 不是表格文件。请选择 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <source>{path} has no sheet named “{sheet}”; its sheets are: {names}.</source>
        <translation>{path} 中没有名为“{sheet}”的工作表；现有工作表：{names}。</translation>
    </message>
    <message>
        <source>The text encoding of {path} is neither UTF-8 nor GBK. Save it from Excel as “CSV UTF-8” and import it again.</source>
        <extracomment>Sniffing looks at this much text; enough for a title, a header and some data rows.</extracomment>
        <translation>{path} 的文字编码既不是 UTF-8 也不是 GBK。请在 Excel 中另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>not imported</source>
        <extracomment>How a person recognises the row in a report (an enterprise&apos;s or a worker&apos;s name). Rows left out: errors, and warnings when they were not accepted.</extracomment>
        <translation>未导入</translation>
    </message>
    <message>
        <source>imported despite warnings</source>
        <translation>已导入（有警告）</translation>
    </message>
    <message>
        <source>not imported: has warnings</source>
        <translation>未导入：有警告</translation>
    </message>
    <message>
        <source>Row {row} {title}: {state}</source>
        <translation>第 {row} 行 {title}：{state}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
</context>
</TS>
