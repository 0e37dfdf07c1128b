//! A round's money, in whole fen (分) and integer arithmetic only: a plan's cost lines and what it asks
//! of the budget, and a funded project's spending against what it was given.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::text::clean_line;
use crate::votes::tally::MONEY_MAX;

/// An amount of money in fen (1 yuan = 100 fen). Sums are checked: an amount that would not fit is an
/// error, never a wrapped number.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub u64);

/// The largest amount anywhere in a round, in fen: 100,000,000 yuan, the voting engine's largest
/// budget. Every sum of a round's amounts stays far inside 64 bits and exact in a browser's numbers.
pub const FEN_MAX: u64 = MONEY_MAX as u64 * 100;

impl Fen {
    /// Whole yuan and the fen over, for display (¥1,234.50 is `(1234, 50)`).
    #[must_use]
    pub fn yuan_and_fen(self) -> (u64, u64) {
        (self.0 / 100, self.0 % 100)
    }

    /// The amount, checked to be 1 fen to [`FEN_MAX`].
    pub fn positive(fen: u64, field: Field) -> DomainResult<Fen> {
        if (1..=FEN_MAX).contains(&fen) {
            Ok(Fen(fen))
        } else {
            Err(DomainError::Invalid { field })
        }
    }

    fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0
            .checked_add(other.0)
            .filter(|s| *s <= FEN_MAX)
            .map(Fen)
    }
}

pub const ITEM_MAX: usize = 40;
pub const MEASURE_MAX: usize = 8;
/// A plan has at most 50 cost lines.
pub const LINES_MAX: usize = 50;
/// The most of one item a line may count (100,000 bricks, say).
pub const QUANTITY_MAX: u32 = 100_000;

/// One line of a plan's budget (预算明细): an item, how many of its unit, and the price of one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    pub item: String,
    pub quantity: u32,
    /// The unit it is counted in (计量单位): 个, 米, 平方米, 次…
    pub measure: String,
    pub unit_price: Fen,
}

impl CostLine {
    /// The line checked and cleaned: an item named, 1 to [`QUANTITY_MAX`] units at 1 fen to
    /// [`FEN_MAX`] each, and a line total that stays within [`FEN_MAX`].
    pub fn check(self) -> DomainResult<CostLine> {
        let item = clean_line(&self.item, Field::Item, ITEM_MAX)?;
        let measure = clean_line(&self.measure, Field::Measure, MEASURE_MAX)?;
        if !(1..=QUANTITY_MAX).contains(&self.quantity) {
            return Err(DomainError::OutOfRange {
                field: Field::Quantity,
                min: 1,
                max: QUANTITY_MAX,
            });
        }
        let unit_price = Fen::positive(self.unit_price.0, Field::UnitPrice)?;
        let line = CostLine {
            item,
            quantity: self.quantity,
            measure,
            unit_price,
        };
        line.total()?;
        Ok(line)
    }

    /// Quantity times unit price.
    pub fn total(&self) -> DomainResult<Fen> {
        self.unit_price
            .0
            .checked_mul(u64::from(self.quantity))
            .filter(|t| *t <= FEN_MAX)
            .map(Fen)
            .ok_or(DomainError::Invalid {
                field: Field::UnitPrice,
            })
    }
}

/// What a plan costs and what it asks of the round's budget.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanCosts {
    /// The sum of the cost lines.
    pub total: Fen,
    /// What residents, the team or a sponsor pay themselves (自筹).
    pub self_financing: Fen,
    /// What the plan asks of the budget: the total less the self-financing.
    pub requested: Fen,
}

/// Adds up a plan's cost lines (checked one by one) and checks what it asks of the budget: some money,
/// no more than the round's cap per project. The self-financing may be nothing, never more than the
/// total.
pub fn cost_plan(
    lines: Vec<CostLine>,
    self_financing: Fen,
    cap: Fen,
) -> DomainResult<(Vec<CostLine>, PlanCosts)> {
    if lines.is_empty() {
        return Err(DomainError::Required {
            field: Field::Costs,
        });
    }
    if lines.len() > LINES_MAX {
        return Err(DomainError::OutOfRange {
            field: Field::Costs,
            min: 1,
            max: LINES_MAX as u32,
        });
    }
    let lines = lines
        .into_iter()
        .map(CostLine::check)
        .collect::<DomainResult<Vec<_>>>()?;
    let mut total = Fen(0);
    for line in &lines {
        total = total
            .checked_add(line.total()?)
            .ok_or(DomainError::Invalid {
                field: Field::Costs,
            })?;
    }
    if self_financing > total {
        return Err(DomainError::Invalid {
            field: Field::SelfFinancing,
        });
    }
    let requested = Fen(total.0 - self_financing.0);
    if requested.0 == 0 {
        return Err(DomainError::Invalid {
            field: Field::SelfFinancing,
        });
    }
    if requested > cap {
        return Err(DomainError::OverCap { cap_fen: cap.0 });
    }
    Ok((
        lines,
        PlanCosts {
            total,
            self_financing,
            requested,
        },
    ))
}

/// A round's budget and its cap per project, checked: 1 fen to [`FEN_MAX`], and a cap no larger than
/// the budget.
pub fn check_budget(budget: Fen, cap: Fen) -> DomainResult<(Fen, Fen)> {
    let budget = Fen::positive(budget.0, Field::Budget)?;
    let cap = Fen::positive(cap.0, Field::Cap)?;
    if cap > budget {
        return Err(DomainError::Invalid { field: Field::Cap });
    }
    Ok((budget, cap))
}

/// A funded project's account: what the vote gave it, what the council has added by recorded decisions,
/// and what has been spent.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub funded: Fen,
    /// Additions the council decided on (each one a recorded decision), beyond the funded amount.
    pub added: Fen,
    pub spent: Fen,
}

impl Account {
    /// What may still be spent.
    #[must_use]
    pub fn left(&self) -> Fen {
        Fen(self
            .funded
            .0
            .saturating_add(self.added.0)
            .saturating_sub(self.spent.0))
    }

    /// Records a spending entry: some money, never past the funded amount and the additions.
    pub fn spend(self, amount: Fen) -> DomainResult<Account> {
        let amount = Fen::positive(amount.0, Field::Amount)?;
        if amount > self.left() {
            return Err(DomainError::OverFunding {
                left_fen: self.left().0,
            });
        }
        Ok(Account {
            spent: Fen(self.spent.0 + amount.0),
            ..self
        })
    }

    /// Records the council's decision to add to the funded amount.
    pub fn add_funds(self, amount: Fen) -> DomainResult<Account> {
        let amount = Fen::positive(amount.0, Field::Amount)?;
        let added = self.added.checked_add(amount).ok_or(DomainError::Invalid {
            field: Field::Amount,
        })?;
        Ok(Account { added, ..self })
    }
}
