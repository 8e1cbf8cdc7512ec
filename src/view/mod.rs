//! Rows → wrapped, aligned lines for a width; styles (pure, no ratatui).
