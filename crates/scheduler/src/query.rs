//! The ECS cluster query language: `subject operator [argument]` predicates combined with
//! `and`/`&&`, `or`/`||`, `not`/`!` and parentheses (reference §5.7).
//!
//! [`Expr::parse`] validates everything once (subject/operator compatibility, argument
//! syntax, regular expressions, dates, versions); evaluation ([`Expr::matches`]) is total
//! and cannot fail. Precedence: `not` binds tightest, then `and`, then `or`.
//!
//! Evaluation semantics worth knowing:
//! - `attribute:<name> exists` is true when the instance carries the attribute (with or
//!   without a value); `==`, `in`, `=~` need a value that matches; the negated operators
//!   (`!=`, `not_in`, `!~`, `!exists`) are exactly the negation of their positive form.
//! - `task:group == X` is true when the instance runs at least one live task of group `X`;
//!   `in` / `=~` are true when any live group on the instance matches.
//! - `agentVersion` compares dotted numbers (`1.14.5 < 1.100.0`), `registeredAt` compares
//!   instants, `runningTasksCount` compares integers. An instance with no agent version
//!   satisfies only `!=`.
//! - Regular expressions are anchored full matches, like Java's `String.matches`.

use std::cmp::Ordering;
use std::fmt;

use regex::Regex;

use crate::Instance;

/// Longest expression ECS accepts for a `memberOf` constraint.
pub const MAX_EXPRESSION_LEN: usize = 2000;

/// Why an expression could not be parsed. The `Display` text is suitable for an
/// `InvalidParameterException` message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Invalid cluster query expression: {reason} (at character {position} of \"{expression}\")")]
pub struct QueryError {
    /// The expression as given (truncated to 200 characters).
    pub expression: String,
    /// Byte offset where the problem was detected.
    pub position: usize,
    /// What is wrong.
    pub reason: String,
}

/// A parsed, validated cluster query expression.
#[derive(Debug, Clone)]
pub struct Expr {
    source: String,
    node: Node,
}

#[derive(Debug, Clone)]
enum Node {
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Pred(Predicate),
}

#[derive(Debug, Clone)]
struct Predicate {
    subject: Subject,
    test: Test,
    /// Negated operator form (`!=`, `not_in`, `!~`, `!exists`).
    negate: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    AgentConnected,
    AgentVersion,
    Attribute(String),
    Ec2InstanceId,
    RegisteredAt,
    RunningTasksCount,
    TaskGroup,
}

impl Subject {
    fn name(&self) -> String {
        match self {
            Subject::AgentConnected => "agentConnected".into(),
            Subject::AgentVersion => "agentVersion".into(),
            Subject::Attribute(n) => format!("attribute:{n}"),
            Subject::Ec2InstanceId => "ec2InstanceId".into(),
            Subject::RegisteredAt => "registeredAt".into(),
            Subject::RunningTasksCount => "runningTasksCount".into(),
            Subject::TaskGroup => "task:group".into(),
        }
    }
    fn is_ordered(&self) -> bool {
        matches!(
            self,
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount
        )
    }
}

#[derive(Debug, Clone)]
enum Test {
    Eq(String),
    In(Vec<String>),
    Matches(Regex),
    Exists,
    Cmp(Ordering, bool /* or equal */, Scalar),
}

#[derive(Debug, Clone, PartialEq)]
enum Scalar {
    Version(Vec<u64>),
    Time(f64),
    Count(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Exists,
    NotExists,
    In,
    NotIn,
    Matches,
    NotMatches,
}

impl Op {
    fn from_word(w: &str) -> Option<Op> {
        Some(match w.to_ascii_lowercase().as_str() {
            "equals" => Op::Eq,
            "not_equals" => Op::Ne,
            "greater_than" => Op::Gt,
            "greater_than_equal" => Op::Ge,
            "less_than" => Op::Lt,
            "less_than_equal" => Op::Le,
            "exists" => Op::Exists,
            "not_exists" => Op::NotExists,
            "in" => Op::In,
            "not_in" => Op::NotIn,
            "matches" => Op::Matches,
            "not_matches" => Op::NotMatches,
            _ => return None,
        })
    }
    fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Exists => "exists",
            Op::NotExists => "!exists",
            Op::In => "in",
            Op::NotIn => "not_in",
            Op::Matches => "=~",
            Op::NotMatches => "!~",
        }
    }
    fn allowed_for(self, subject: &Subject) -> bool {
        use Op::*;
        match subject {
            Subject::AgentConnected | Subject::Ec2InstanceId | Subject::TaskGroup => {
                matches!(self, Eq | Ne | In | NotIn | Matches | NotMatches)
            }
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => {
                matches!(self, Eq | Ne | Gt | Ge | Lt | Le)
            }
            Subject::Attribute(_) => matches!(
                self,
                Eq | Ne | Exists | NotExists | In | NotIn | Matches | NotMatches
            ),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl std::str::FromStr for Expr {
    type Err = QueryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Expr::parse(s)
    }
}

impl Expr {
    /// Parses and validates an expression.
    pub fn parse(source: &str) -> Result<Expr, QueryError> {
        let mut p = Parser { s: source, pos: 0 };
        if source.len() > MAX_EXPRESSION_LEN {
            return Err(p.err(format!(
                "expression is {} characters long; at most {MAX_EXPRESSION_LEN} are allowed",
                source.len()
            )));
        }
        p.skip_ws();
        if p.at_end() {
            return Err(p.err("expression is empty".into()));
        }
        let node = p.parse_or()?;
        p.skip_ws();
        if !p.at_end() {
            return Err(p.err(format!("unexpected '{}'", p.rest_preview())));
        }
        Ok(Expr {
            source: source.trim().to_string(),
            node,
        })
    }

    /// The expression text as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether `instance` satisfies the expression.
    pub fn matches(&self, instance: &Instance) -> bool {
        self.eval(&EvalCtx {
            inst: instance,
            extra_tasks: 0,
            group: "",
        })
    }

    /// Evaluates against an instance plus `ctx.extra_tasks` tasks of group `ctx.group`
    /// planned earlier in the same batch.
    pub(crate) fn eval(&self, ctx: &EvalCtx<'_>) -> bool {
        eval_node(&self.node, ctx)
    }
}

/// An instance as the planner currently sees it (snapshot plus tasks placed in this batch).
pub(crate) struct EvalCtx<'a> {
    pub inst: &'a Instance,
    pub extra_tasks: u32,
    pub group: &'a str,
}

impl EvalCtx<'_> {
    fn has_group(&self, g: &str) -> bool {
        (self.extra_tasks > 0 && self.group == g)
            || self.inst.task_groups.get(g).is_some_and(|&n| n > 0)
    }
    fn any_group(&self, mut f: impl FnMut(&str) -> bool) -> bool {
        (self.extra_tasks > 0 && f(self.group))
            || self
                .inst
                .task_groups
                .iter()
                .any(|(g, &n)| n > 0 && f(g.as_str()))
    }
}

fn eval_node(node: &Node, ctx: &EvalCtx<'_>) -> bool {
    match node {
        Node::And(a, b) => eval_node(a, ctx) && eval_node(b, ctx),
        Node::Or(a, b) => eval_node(a, ctx) || eval_node(b, ctx),
        Node::Not(a) => !eval_node(a, ctx),
        Node::Pred(p) => eval_pred(p, ctx) != p.negate,
    }
}

fn eval_pred(p: &Predicate, ctx: &EvalCtx<'_>) -> bool {
    let inst = ctx.inst;
    if let Test::Cmp(ord, or_equal, want) = &p.test {
        let have: Option<Ordering> = match (&p.subject, want) {
            (Subject::AgentVersion, Scalar::Version(v)) => inst
                .agent_version
                .as_deref()
                .map(|s| cmp_versions(&parse_version_lenient(s), v)),
            (Subject::RegisteredAt, Scalar::Time(t)) => inst.registered_at.partial_cmp(t),
            (Subject::RunningTasksCount, Scalar::Count(n)) => {
                Some(i64::from(inst.running_tasks_count + ctx.extra_tasks).cmp(n))
            }
            _ => None,
        };
        return have.is_some_and(|h| h == *ord || (*or_equal && h == Ordering::Equal));
    }
    let test_one = |v: &str| match &p.test {
        Test::Eq(a) => v == a,
        Test::In(list) => list.iter().any(|a| a == v),
        Test::Matches(re) => re.is_match(v),
        Test::Exists | Test::Cmp(..) => true,
    };
    match &p.subject {
        Subject::AgentConnected => test_one(if inst.agent_connected {
            "true"
        } else {
            "false"
        }),
        Subject::Ec2InstanceId => inst.ec2_instance_id.as_deref().is_some_and(test_one),
        Subject::Attribute(name) => match inst.attributes.get(name) {
            None => false,
            Some(_) if matches!(p.test, Test::Exists) => true,
            Some(v) => v.as_deref().is_some_and(test_one),
        },
        Subject::TaskGroup => match &p.test {
            Test::Eq(g) => ctx.has_group(g),
            _ => ctx.any_group(test_one),
        },
        Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => false,
    }
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-' | b'/' | b'@' | b'+')
}

impl<'a> Parser<'a> {
    fn err(&self, reason: String) -> QueryError {
        let expression: String = self.s.chars().take(200).collect();
        QueryError {
            expression,
            position: self.pos,
            reason,
        }
    }
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn rest_preview(&self) -> String {
        self.rest().chars().take(20).collect()
    }
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }
    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }
    fn eat(&mut self, tok: &str) -> bool {
        if self.rest().starts_with(tok) {
            self.pos += tok.len();
            true
        } else {
            false
        }
    }
    /// Consumes a case-insensitive keyword that is not the prefix of a longer word.
    fn eat_keyword(&mut self, kw: &str) -> bool {
        let r = self.rest().as_bytes();
        if r.len() >= kw.len()
            && r[..kw.len()].eq_ignore_ascii_case(kw.as_bytes())
            && !r.get(kw.len()).is_some_and(|&b| is_word_byte(b))
        {
            self.pos += kw.len();
            true
        } else {
            false
        }
    }

    fn parse_or(&mut self) -> Result<Node, QueryError> {
        let mut left = self.parse_and()?;
        loop {
            self.skip_ws();
            if self.eat("||") || self.eat_keyword("or") {
                let right = self.parse_and()?;
                left = Node::Or(Box::new(left), Box::new(right));
            } else {
                return Ok(left);
            }
        }
    }

    fn parse_and(&mut self) -> Result<Node, QueryError> {
        let mut left = self.parse_unary()?;
        loop {
            self.skip_ws();
            if self.eat("&&") || self.eat_keyword("and") {
                let right = self.parse_unary()?;
                left = Node::And(Box::new(left), Box::new(right));
            } else {
                return Ok(left);
            }
        }
    }

    fn parse_unary(&mut self) -> Result<Node, QueryError> {
        self.skip_ws();
        if self.at_end() {
            return Err(self.err("expected a condition".into()));
        }
        if self.eat("!") || self.eat_keyword("not") {
            return Ok(Node::Not(Box::new(self.parse_unary()?)));
        }
        if self.eat("(") {
            let inner = self.parse_or()?;
            self.skip_ws();
            if !self.eat(")") {
                return Err(self.err("expected ')'".into()));
            }
            return Ok(inner);
        }
        self.parse_predicate().map(Node::Pred)
    }

    fn read_word(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(is_word_byte) {
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }

    fn parse_subject(&mut self) -> Result<Subject, QueryError> {
        let start = self.pos;
        let word = self.read_word();
        if word.is_empty() {
            return Err(self.err(format!(
                "expected a subject, found '{}'",
                self.rest_preview()
            )));
        }
        let lower = word.to_ascii_lowercase();
        let subject = match lower.as_str() {
            "agentconnected" => Subject::AgentConnected,
            "agentversion" => Subject::AgentVersion,
            "ec2instanceid" => Subject::Ec2InstanceId,
            "registeredat" => Subject::RegisteredAt,
            "runningtaskscount" => Subject::RunningTasksCount,
            "task:group" => Subject::TaskGroup,
            _ if lower.starts_with("attribute:") && word.len() > "attribute:".len() => {
                Subject::Attribute(word["attribute:".len()..].to_string())
            }
            _ => {
                self.pos = start;
                return Err(self.err(format!(
                    "unknown subject '{word}' (expected agentConnected, agentVersion, \
                     attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group)"
                )));
            }
        };
        Ok(subject)
    }

    fn parse_operator(&mut self) -> Result<Op, QueryError> {
        self.skip_ws();
        const SYMBOLS: [(&str, Op); 8] = [
            ("==", Op::Eq),
            ("!=", Op::Ne),
            (">=", Op::Ge),
            ("<=", Op::Le),
            ("=~", Op::Matches),
            ("!~", Op::NotMatches),
            (">", Op::Gt),
            ("<", Op::Lt),
        ];
        for (sym, op) in SYMBOLS {
            if self.eat(sym) {
                return Ok(op);
            }
        }
        let start = self.pos;
        let negated = self.eat("!");
        let word = self.read_word();
        let op = match (negated, Op::from_word(word)) {
            (false, Some(op)) => Some(op),
            (true, Some(Op::Exists)) => Some(Op::NotExists),
            (true, Some(Op::In)) => Some(Op::NotIn),
            _ => None,
        };
        op.ok_or_else(|| {
            self.pos = start;
            self.err(format!(
                "expected an operator, found '{}'",
                self.rest_preview()
            ))
        })
    }

    fn parse_quoted(&mut self) -> Result<Option<String>, QueryError> {
        let Some(q @ (b'\'' | b'"')) = self.peek() else {
            return Ok(None);
        };
        let start = self.pos;
        self.pos += 1;
        match self.rest().find(q as char) {
            Some(end) => {
                let v = self.rest()[..end].to_string();
                self.pos += end + 1;
                Ok(Some(v))
            }
            None => {
                self.pos = start;
                Err(self.err("unterminated quoted string".into()))
            }
        }
    }

    /// A bare argument runs to whitespace, `&&`, `||`, or a `)` that closes a parenthesis
    /// opened before the predicate, so regexes such as `t2.(micro|small)` survive intact.
    fn parse_scalar_arg(&mut self) -> Result<String, QueryError> {
        self.skip_ws();
        if let Some(v) = self.parse_quoted()? {
            return Ok(v);
        }
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b if b.is_ascii_whitespace() => break,
                b'&' | b'|' if self.rest()[1..].starts_with(b as char) => break,
                b'(' | b'[' => depth += 1,
                b')' | b']' if depth == 0 => break,
                b')' | b']' => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.err("expected an argument".into()));
        }
        Ok(self.s[start..self.pos].to_string())
    }

    fn parse_list_arg(&mut self) -> Result<Vec<String>, QueryError> {
        self.skip_ws();
        if !self.eat("[") {
            return Err(self.err("expected '[' to start a list".into()));
        }
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            let item = match self.parse_quoted()? {
                Some(v) => v,
                None => {
                    let start = self.pos;
                    while self.peek().is_some_and(|b| b != b',' && b != b']') {
                        self.pos += 1;
                    }
                    let v = self.s[start..self.pos].trim();
                    if v.is_empty() {
                        return Err(self.err("expected a list item".into()));
                    }
                    v.to_string()
                }
            };
            items.push(item);
            self.skip_ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(items);
            }
            return Err(self.err("expected ',' or ']' in list".into()));
        }
    }

    fn parse_predicate(&mut self) -> Result<Predicate, QueryError> {
        let subject = self.parse_subject()?;
        let op_pos = {
            self.skip_ws();
            self.pos
        };
        let op = self.parse_operator()?;
        if !op.allowed_for(&subject) {
            self.pos = op_pos;
            return Err(self.err(format!(
                "operator '{}' is not supported for subject '{}'",
                op.symbol(),
                subject.name()
            )));
        }
        let negate = matches!(op, Op::Ne | Op::NotExists | Op::NotIn | Op::NotMatches);
        let test = match op {
            Op::Exists | Op::NotExists => Test::Exists,
            Op::In | Op::NotIn => Test::In(self.parse_list_arg()?),
            Op::Matches | Op::NotMatches => {
                self.skip_ws();
                let arg_pos = self.pos;
                let pat = self.parse_scalar_arg()?;
                let re = Regex::new(&format!("^(?:{pat})$")).map_err(|e| {
                    self.pos = arg_pos;
                    self.err(format!(
                        "invalid regular expression '{pat}': {}",
                        regex_error_summary(&e)
                    ))
                })?;
                Test::Matches(re)
            }
            Op::Eq | Op::Ne | Op::Gt | Op::Ge | Op::Lt | Op::Le => {
                self.skip_ws();
                let arg_pos = self.pos;
                let arg = self.parse_scalar_arg()?;
                if subject.is_ordered() {
                    let scalar = parse_scalar(&subject, &arg).map_err(|reason| {
                        self.pos = arg_pos;
                        self.err(reason)
                    })?;
                    let (ord, or_equal) = match op {
                        Op::Eq | Op::Ne => (Ordering::Equal, false),
                        Op::Gt => (Ordering::Greater, false),
                        Op::Ge => (Ordering::Greater, true),
                        Op::Lt => (Ordering::Less, false),
                        _ => (Ordering::Less, true),
                    };
                    Test::Cmp(ord, or_equal, scalar)
                } else {
                    if subject == Subject::AgentConnected
                        && !arg.eq_ignore_ascii_case("true")
                        && !arg.eq_ignore_ascii_case("false")
                    {
                        self.pos = arg_pos;
                        return Err(self.err(format!(
                            "agentConnected must be compared with true or false, not '{arg}'"
                        )));
                    }
                    let arg = if subject == Subject::AgentConnected {
                        arg.to_ascii_lowercase()
                    } else {
                        arg
                    };
                    Test::Eq(arg)
                }
            }
        };
        Ok(Predicate {
            subject,
            test,
            negate,
        })
    }
}

/// The one-line gist of a regex error (its `Display` spans several lines and shows our
/// anchored wrapper rather than the user's pattern).
fn regex_error_summary(e: &regex::Error) -> String {
    match e {
        regex::Error::Syntax(text) => text
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("error: "))
            .unwrap_or("syntax error")
            .to_string(),
        regex::Error::CompiledTooBig(_) => "pattern is too large".to_string(),
        _ => "invalid pattern".to_string(),
    }
}

fn parse_scalar(subject: &Subject, arg: &str) -> Result<Scalar, String> {
    match subject {
        Subject::AgentVersion => parse_version_strict(arg)
            .map(Scalar::Version)
            .ok_or_else(|| format!("'{arg}' is not a version such as 1.14.5")),
        Subject::RegisteredAt => parse_time(arg).map(Scalar::Time).ok_or_else(|| {
            format!(
                "'{arg}' is not a date (use 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, \
                 2018-06-18T22:28:28 or 2018-06-18)"
            )
        }),
        _ => arg
            .parse::<i64>()
            .map(Scalar::Count)
            .map_err(|_| format!("'{arg}' is not an integer")),
    }
}

fn parse_version_strict(s: &str) -> Option<Vec<u64>> {
    let s = s.strip_prefix(['v', 'V']).unwrap_or(s);
    s.split('.').map(|p| p.parse::<u64>().ok()).collect()
}

/// Leading numeric components of an agent-reported version (`1.57.1-beta` → `[1, 57, 1]`).
fn parse_version_lenient(s: &str) -> Vec<u64> {
    let s = s.strip_prefix(['v', 'V']).unwrap_or(s);
    let mut out = Vec::new();
    for part in s.split('.') {
        let digits: String = part.chars().take_while(|c| c.is_ascii_digit()).collect();
        match digits.parse::<u64>() {
            Ok(n) => out.push(n),
            Err(_) => break,
        }
        if digits.len() != part.len() {
            break;
        }
    }
    out
}

fn cmp_versions(a: &[u64], b: &[u64]) -> Ordering {
    let n = a.len().max(b.len());
    (0..n)
        .map(|i| {
            a.get(i)
                .copied()
                .unwrap_or(0)
                .cmp(&b.get(i).copied().unwrap_or(0))
        })
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// Parses the `registeredAt` formats into epoch seconds: `YYYY-MM-DD`, optionally followed
/// by `THH:MM:SS[.fff]` and optionally `Z` or `±HH:MM` (no zone means UTC).
pub fn parse_time(s: &str) -> Option<f64> {
    let num = |t: &str, len: usize| -> Option<i64> {
        (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let (date, time) = match s.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut dp = date.split('-');
    let (y, m, d) = (
        num(dp.next()?, 4)?,
        num(dp.next()?, 2)?,
        num(dp.next()?, 2)?,
    );
    if dp.next().is_some() || !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) as f64 * 86_400.0;
    if let Some(t) = time {
        let (clock, offset) = if let Some(c) = t.strip_suffix(['Z', 'z']) {
            (c, 0i64)
        } else if let Some(i) = t.rfind(['+', '-']) {
            let (c, z) = t.split_at(i);
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let (zh, zm) = z[1..].split_once(':')?;
            let (zh, zm) = (num(zh, 2)?, num(zm, 2)?);
            if zh > 23 || zm > 59 {
                return None;
            }
            (c, sign * (zh * 3600 + zm * 60))
        } else {
            (t, 0)
        };
        let (hms, frac) = match clock.split_once('.') {
            Some((h, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
                (h, format!("0.{f}").parse::<f64>().ok()?)
            }
            Some(_) => return None,
            None => (clock, 0.0),
        };
        let mut cp = hms.split(':');
        let (hh, mm, ss) = (
            num(cp.next()?, 2)?,
            num(cp.next()?, 2)?,
            num(cp.next()?, 2)?,
        );
        if cp.next().is_some() || hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        secs += (hh * 3600 + mm * 60 + ss - offset) as f64 + frac;
    }
    Some(secs)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn inst() -> Instance {
        let mut attributes = BTreeMap::new();
        attributes.insert(
            "ecs.availability-zone".to_string(),
            Some("us-east-1a".to_string()),
        );
        attributes.insert(
            "ecs.instance-type".to_string(),
            Some("t2.small".to_string()),
        );
        attributes.insert("ecs.capability.gpu".to_string(), None);
        let mut task_groups = BTreeMap::new();
        task_groups.insert("service:web".to_string(), 2);
        task_groups.insert("family:old".to_string(), 0);
        Instance {
            id: "i-a".into(),
            arn: "arn:i-a".into(),
            active: true,
            agent_connected: true,
            remaining_cpu: 1024,
            remaining_memory: 2048,
            used_tcp_ports: Default::default(),
            used_udp_ports: Default::default(),
            attributes: attributes.into_iter().collect(),
            ec2_instance_id: Some("i-0123".into()),
            agent_version: Some("1.14.5".into()),
            registered_at: parse_time("2018-06-18T22:28:28Z").unwrap(),
            running_tasks_count: 2,
            task_groups,
        }
    }

    #[test]
    fn evaluates_table() {
        let i = inst();
        let cases: &[(&str, bool)] = &[
            ("attribute:ecs.instance-type == t2.small", true),
            ("attribute:ecs.instance-type equals t2.micro", false),
            ("attribute:ecs.instance-type != t2.micro", true),
            ("attribute:missing != x", true),
            ("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", true),
            ("attribute:ecs.availability-zone in ['us-east-1c', \"us-east-1b\"]", false),
            ("attribute:ecs.availability-zone not_in [us-east-1c]", true),
            ("attribute:ecs.availability-zone !in [us-east-1a]", false),
            ("attribute:ecs.capability.gpu exists", true),
            ("attribute:ecs.capability.gpu == x", false),
            ("attribute:nope exists", false),
            ("attribute:nope !exists", true),
            ("attribute:nope not_exists", true),
            ("attribute:ecs.instance-type =~ t2.*", true),
            ("attribute:ecs.instance-type =~ t2", false),
            ("attribute:ecs.instance-type matches t2.(micro|small)", true),
            ("attribute:ecs.instance-type !~ g2.*", true),
            (
                "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d",
                true,
            ),
            ("attribute:ecs.instance-type =~ g2.* or runningTasksCount == 2", true),
            ("attribute:ecs.instance-type =~ g2.* || runningTasksCount > 2", false),
            ("task:group == service:web", true),
            ("task:group == family:old", false),
            ("not(task:group == database)", true),
            ("!(task:group == service:web)", false),
            ("not task:group == service:web or agentConnected == true", true),
            ("task:group in [a, service:web]", true),
            ("task:group =~ service:.*", true),
            ("task:group =~ family:.*", false),
            ("runningTasksCount == 2", true),
            ("runningTasksCount >= 2 && runningTasksCount <= 2", true),
            ("runningTasksCount less_than 2", false),
            ("agentVersion < 1.14.6", true),
            ("agentVersion < 1.14.5", false),
            ("agentVersion >= 1.9", true),
            ("agentVersion greater_than 1.100.0", false),
            ("registeredAt < 2018-06-19", true),
            ("registeredAt > 2018-06-18", true),
            ("registeredAt == 2018-06-18T22:28:28+00:00", true),
            ("registeredAt == 2018-06-18T23:28:28+01:00", true),
            ("registeredAt < 2018-06-18T22:28:28", false),
            ("agentConnected == true", true),
            ("agentConnected != TRUE", false),
            ("ec2InstanceId in ['i-0123', i-9]", true),
            ("ec2InstanceId =~ i-0.*", true),
            (
                "(attribute:ecs.instance-type == t2.micro or attribute:ecs.instance-type == t2.small) and not (runningTasksCount > 5)",
                true,
            ),
            ("a:b == c or attribute:x == y", false),
            ("runningTasksCount==2&&agentConnected==true", true),
            ("(task:group==x||runningTasksCount<=1)", false),
        ];
        for (src, want) in cases {
            if *src == "a:b == c or attribute:x == y" {
                assert!(Expr::parse(src).is_err());
                continue;
            }
            let e = Expr::parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
            assert_eq!(e.matches(&i), *want, "{src}");
        }
    }

    #[test]
    fn parse_errors() {
        let cases: &[(&str, &str)] = &[
            ("", "expression is empty"),
            ("foo == bar", "unknown subject 'foo'"),
            ("attribute: == x", "unknown subject 'attribute:'"),
            (
                "runningTasksCount =~ 1",
                "operator '=~' is not supported for subject 'runningTasksCount'",
            ),
            ("runningTasksCount == x", "'x' is not an integer"),
            ("agentVersion < 1.x", "'1.x' is not a version"),
            ("registeredAt < yesterday", "'yesterday' is not a date"),
            ("registeredAt < 2018-02-30", "'2018-02-30' is not a date"),
            ("attribute:a == ", "expected an argument"),
            ("attribute:a in a, b", "expected '[' to start a list"),
            ("attribute:a in [a, ", "expected a list item"),
            ("attribute:a in [a b", "expected ',' or ']' in list"),
            ("attribute:a =~ (", "invalid regular expression '('"),
            ("attribute:a ~~ b", "expected an operator"),
            ("(attribute:a == b", "expected ')'"),
            ("attribute:a == b)", "unexpected ')'"),
            ("attribute:a == b and", "expected a condition"),
            ("attribute:a == 'b", "unterminated quoted string"),
            (
                "agentConnected == maybe",
                "agentConnected must be compared with true or false",
            ),
            (
                "task:group exists",
                "operator 'exists' is not supported for subject 'task:group'",
            ),
            ("attribute:a > 1", "operator '>' is not supported"),
        ];
        for (src, want) in cases {
            let err = Expr::parse(src).expect_err(src).to_string();
            assert!(err.contains(want), "{src}: got {err}");
        }
        let long = format!("attribute:a == {}", "x".repeat(MAX_EXPRESSION_LEN));
        assert!(Expr::parse(&long)
            .unwrap_err()
            .reason
            .contains("at most 2000"));
    }

    #[test]
    fn error_message_shape() {
        let err = Expr::parse("attribute:a ~~ b").unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid cluster query expression: expected an operator, found '~~ b' (at character 12 of \"attribute:a ~~ b\")"
        );
    }

    #[test]
    fn times_and_versions() {
        assert_eq!(parse_time("1970-01-01"), Some(0.0));
        assert_eq!(parse_time("2018-06-18T22:28:28Z"), Some(1_529_360_908.0));
        assert_eq!(parse_time("2018-06-18T22:28:28.5Z"), Some(1_529_360_908.5));
        assert_eq!(
            parse_time("2018-06-18T20:28:28-02:00"),
            Some(1_529_360_908.0)
        );
        assert_eq!(parse_time("2018-13-01"), None);
        assert_eq!(parse_version_lenient("1.57.1-beta"), vec![1, 57, 1]);
        assert_eq!(cmp_versions(&[1, 2], &[1, 2, 0]), Ordering::Equal);
        assert_eq!(cmp_versions(&[1, 10], &[1, 9, 9]), Ordering::Greater);
    }
}
